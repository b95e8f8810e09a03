using System.Collections.Immutable;

namespace OpenG2G.Numerics.Qp;

/// <summary>
/// The outcome of one QP solve. <see cref="Status"/> says what <see cref="X"/> and <see cref="Y"/>
/// are: a solution (solved, solved inaccurate), a certificate (primal or dual infeasible: then
/// <see cref="Certificate"/> holds it), the last iterate (iteration limit) or nothing (non-convex).
/// </summary>
/// <param name="Status">What was found.</param>
/// <param name="Iterations">ADMM iterations run.</param>
/// <param name="X">Primal variables (n; last iterate unless solved).</param>
/// <param name="Y">Constraint multipliers (m): y_i &gt; 0 where the upper bound is active, &lt; 0 where the lower is.</param>
/// <param name="Objective">1/2 x^T P x + q^T x at <see cref="X"/> (NaN when not solved).</param>
/// <param name="PrimalResidual">||A x - z||_inf at the last check (unscaled).</param>
/// <param name="DualResidual">||P x + q + A^T y||_inf at the last check (unscaled).</param>
/// <param name="Rho">The ADMM step size rho in force at the end.</param>
/// <param name="RhoUpdates">How often adaptive rho changed rho (each a refactorisation).</param>
/// <param name="Polished">Whether solution polishing ran and was accepted.</param>
/// <param name="Certificate">For primal infeasibility the dual direction (m values); for dual infeasibility the primal direction (n values); empty otherwise.</param>
public sealed record QpResult(
    QpStatus Status,
    int Iterations,
    ImmutableArray<double> X,
    ImmutableArray<double> Y,
    double Objective,
    double PrimalResidual,
    double DualResidual,
    double Rho,
    int RhoUpdates,
    bool Polished,
    ImmutableArray<double> Certificate)
{
    /// <summary>Solved or solved inaccurate: <see cref="X"/> is a usable solution.</summary>
    public bool HasSolution => Status is QpStatus.Solved or QpStatus.SolvedInaccurate;
}
