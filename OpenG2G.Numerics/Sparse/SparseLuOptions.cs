namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// Pivoting thresholds of <see cref="SparseLu"/>. The defaults suit nodal admittance matrices and
/// rarely need changing. Magnitudes are measured as |Re| + |Im| (within a factor sqrt(2) of the
/// modulus, and cheaper).
/// </summary>
public sealed record SparseLuOptions
{
    /// <summary>
    /// Threshold partial pivoting: the diagonal candidate is kept as pivot while its magnitude is at
    /// least this fraction of the largest candidate in its column; otherwise the largest is taken.
    /// <see cref="SparseLu.Refactor"/> reuses a pivot only while it still passes this test.
    /// In (0, 1]; default 0.001 (KLU's default). 1 means plain partial pivoting.
    /// </summary>
    public double PivotTolerance { get; init; } = 1e-3;

    /// <summary>
    /// A column is singular when its largest pivot candidate is at most this fraction of the largest
    /// magnitude among that column's original entries (cancellation down to rounding level).
    /// In [0, 1); default 1e-14 (about 45 rounding units). 0 flags only exact zeros.
    /// </summary>
    public double SingularPivotTolerance { get; init; } = 1e-14;

    /// <summary>Throws when a threshold is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold lies outside its documented range.</exception>
    public void ThrowIfInvalid()
    {
        if (!(PivotTolerance > 0 && PivotTolerance <= 1))
            throw new ArgumentOutOfRangeException(nameof(PivotTolerance), PivotTolerance, "must be in (0, 1]");
        if (!(SingularPivotTolerance >= 0 && SingularPivotTolerance < 1))
            throw new ArgumentOutOfRangeException(nameof(SingularPivotTolerance), SingularPivotTolerance, "must be in [0, 1)");
    }
}
