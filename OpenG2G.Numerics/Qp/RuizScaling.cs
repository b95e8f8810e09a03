using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Qp;

/// <summary>
/// Modified Ruiz equilibration of a QP, as OSQP does it: repeatedly divide each column of the KKT
/// matrix [P A^T; A 0] and each row of A by the square root of its infinity norm, then scale the
/// cost by c so that the mean column norm of P or ||q||_inf is one. The scaled problem is
/// P' = c D P D, q' = c D q, A' = E A D, l' = E l, u' = E u; its solution maps back as x = D x',
/// y = E y' / c, z = E^-1 z'. Norms below 1e-4 are taken as 1 and above 1e4 as 1e4, so that
/// empty or huge rows are not blown up.
/// </summary>
internal sealed class RuizScaling
{
    private const double MinNorm = 1e-4;
    private const double MaxNorm = 1e4;

    private readonly double[] _columnNorm;
    private readonly double[] _rowNorm;

    public RuizScaling(int variables, int constraints)
    {
        D = new double[variables];
        DInverse = new double[variables];
        E = new double[constraints];
        EInverse = new double[constraints];
        _columnNorm = new double[variables];
        _rowNorm = new double[constraints];
    }

    public double[] D { get; }

    public double[] DInverse { get; }

    public double[] E { get; }

    public double[] EInverse { get; }

    /// <summary>Cost scale c.</summary>
    public double Cost { get; private set; } = 1.0;

    /// <summary>
    /// Scale P, A and q in place (values aligned with the patterns) over <paramref name="iterations"/>
    /// passes, recording D, E and c; 0 passes leave everything unscaled.
    /// </summary>
    public void Apply(SparseMatrix pPattern, Span<double> p, SparseMatrix aPattern, Span<double> a, Span<double> q, int iterations)
    {
        Array.Fill(D, 1.0);
        Array.Fill(E, 1.0);
        Cost = 1.0;
        var pStarts = pPattern.ColumnStarts;
        var pRows = pPattern.RowIndices;
        var aStarts = aPattern.ColumnStarts;
        var aRows = aPattern.RowIndices;
        for (int pass = 0; pass < iterations; pass++)
        {
            ColumnNorms(pStarts, pRows, p, aStarts, aRows, a);
            for (int j = 0; j < D.Length; j++)
                _columnNorm[j] = 1.0 / Math.Sqrt(Limit(_columnNorm[j]));
            for (int i = 0; i < E.Length; i++)
                _rowNorm[i] = 1.0 / Math.Sqrt(Limit(_rowNorm[i]));
            ScaleBy(_columnNorm, _rowNorm, pStarts, pRows, p, aStarts, aRows, a, q);
            for (int j = 0; j < D.Length; j++)
                D[j] *= _columnNorm[j];
            for (int i = 0; i < E.Length; i++)
                E[i] *= _rowNorm[i];
            ScaleCost(pStarts, pRows, p, q);
        }
        for (int j = 0; j < D.Length; j++)
            DInverse[j] = 1.0 / D[j];
        for (int i = 0; i < E.Length; i++)
            EInverse[i] = 1.0 / E[i];
    }

    /// <summary>Scale new values of the same pattern with the D, E and c found by the last <see cref="Apply"/>.</summary>
    public void Reapply(SparseMatrix pPattern, Span<double> p, SparseMatrix aPattern, Span<double> a, Span<double> q)
    {
        ScaleBy(D, E, pPattern.ColumnStarts, pPattern.RowIndices, p, aPattern.ColumnStarts, aPattern.RowIndices, a, q);
        for (int k = 0; k < p.Length; k++)
            p[k] *= Cost;
        for (int j = 0; j < q.Length; j++)
            q[j] *= Cost;
    }

    private static double Limit(double norm) => norm < MinNorm ? 1.0 : Math.Min(norm, MaxNorm);

    // Column norms of [P; A] (P symmetric: an upper entry counts for its row and its column) and row norms of A.
    private void ColumnNorms(ReadOnlySpan<int> pStarts, ReadOnlySpan<int> pRows, Span<double> p, ReadOnlySpan<int> aStarts, ReadOnlySpan<int> aRows, Span<double> a)
    {
        Array.Clear(_columnNorm);
        Array.Clear(_rowNorm);
        for (int j = 0; j < _columnNorm.Length; j++)
        {
            for (int k = pStarts[j]; k < pStarts[j + 1]; k++)
            {
                double v = Math.Abs(p[k]);
                int i = pRows[k];
                _columnNorm[j] = Math.Max(_columnNorm[j], v);
                _columnNorm[i] = Math.Max(_columnNorm[i], v);
            }
            for (int k = aStarts[j]; k < aStarts[j + 1]; k++)
            {
                double v = Math.Abs(a[k]);
                _columnNorm[j] = Math.Max(_columnNorm[j], v);
                _rowNorm[aRows[k]] = Math.Max(_rowNorm[aRows[k]], v);
            }
        }
    }

    private static void ScaleBy(double[] d, double[] e, ReadOnlySpan<int> pStarts, ReadOnlySpan<int> pRows, Span<double> p,
        ReadOnlySpan<int> aStarts, ReadOnlySpan<int> aRows, Span<double> a, Span<double> q)
    {
        for (int j = 0; j < d.Length; j++)
        {
            for (int k = pStarts[j]; k < pStarts[j + 1]; k++)
                p[k] *= d[pRows[k]] * d[j];
            for (int k = aStarts[j]; k < aStarts[j + 1]; k++)
                a[k] *= e[aRows[k]] * d[j];
            q[j] *= d[j];
        }
    }

    private void ScaleCost(ReadOnlySpan<int> pStarts, ReadOnlySpan<int> pRows, Span<double> p, Span<double> q)
    {
        int n = _columnNorm.Length;
        Array.Clear(_columnNorm);
        for (int j = 0; j < n; j++)
        {
            for (int k = pStarts[j]; k < pStarts[j + 1]; k++)
            {
                double v = Math.Abs(p[k]);
                _columnNorm[j] = Math.Max(_columnNorm[j], v);
                _columnNorm[pRows[k]] = Math.Max(_columnNorm[pRows[k]], v);
            }
        }
        double mean = 0, qNorm = 0;
        for (int j = 0; j < n; j++)
        {
            mean += _columnNorm[j];
            qNorm = Math.Max(qNorm, Math.Abs(q[j]));
        }
        mean /= n;
        double scale = 1.0 / Limit(Math.Max(mean, qNorm));
        for (int k = 0; k < p.Length; k++)
            p[k] *= scale;
        for (int j = 0; j < n; j++)
            q[j] *= scale;
        Cost *= scale;
    }
}
