namespace OpenG2G.Numerics.Qp;

/// <summary>
/// Residuals of one ADMM iterate: unscaled for termination, scaled for the rho estimate.
/// </summary>
/// <param name="Primal">||A x - z||_inf.</param>
/// <param name="Dual">||P x + q + A^T y||_inf.</param>
/// <param name="PrimalScale">max(||A x||, ||z||), what the relative tolerance multiplies.</param>
/// <param name="DualScale">max(||P x||, ||A^T y||, ||q||).</param>
/// <param name="ScaledPrimalRatio">Scaled primal residual over its scale (for adaptive rho).</param>
/// <param name="ScaledDualRatio">Scaled dual residual over its scale.</param>
internal readonly record struct ResidualCheck(
    double Primal,
    double Dual,
    double PrimalScale,
    double DualScale,
    double ScaledPrimalRatio,
    double ScaledDualRatio)
{
    public ResidualCheck()
        : this(double.PositiveInfinity, double.PositiveInfinity, 0, 0, 1, 1)
    {
    }

    public bool Converged(double absolute, double primalRelative, double dualRelative) =>
        Primal <= absolute + primalRelative * PrimalScale && Dual <= absolute + dualRelative * DualScale;
}
