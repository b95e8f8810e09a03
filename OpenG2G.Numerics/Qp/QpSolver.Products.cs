namespace OpenG2G.Numerics.Qp;

public sealed partial class QpSolver
{
    // Products with the scaled P (symmetric, upper triangle stored) and A, on the problem's patterns.
    private void MultiplyA(ReadOnlySpan<double> x, Span<double> result)
    {
        var starts = _problem.A.ColumnStarts;
        var rows = _problem.A.RowIndices;
        result.Clear();
        for (int j = 0; j < x.Length; j++)
        {
            double xj = x[j];
            if (xj == 0.0)
                continue;
            for (int p = starts[j]; p < starts[j + 1]; p++)
                result[rows[p]] += _a[p] * xj;
        }
    }

    private void MultiplyATransposed(ReadOnlySpan<double> y, Span<double> result)
    {
        var starts = _problem.A.ColumnStarts;
        var rows = _problem.A.RowIndices;
        for (int j = 0; j < result.Length; j++)
        {
            double sum = 0;
            for (int p = starts[j]; p < starts[j + 1]; p++)
                sum += _a[p] * y[rows[p]];
            result[j] = sum;
        }
    }

    private void MultiplyP(ReadOnlySpan<double> x, Span<double> result)
    {
        var starts = _problem.P.ColumnStarts;
        var rows = _problem.P.RowIndices;
        result.Clear();
        for (int j = 0; j < x.Length; j++)
        {
            double xj = x[j], sum = 0;
            for (int p = starts[j]; p < starts[j + 1]; p++)
            {
                int i = rows[p];
                result[i] += _p[p] * xj;
                if (i != j)
                    sum += _p[p] * x[i];
            }
            result[j] += sum;
        }
    }
}
