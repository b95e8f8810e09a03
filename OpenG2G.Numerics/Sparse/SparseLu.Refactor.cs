using System.Numerics;

namespace OpenG2G.Numerics.Sparse;

public sealed partial class SparseLu
{
    /// <summary>
    /// Numeric factorisation of new values on the same pattern, reusing the pivot order and the
    /// L/U structure of the last <see cref="Factor"/>: no search, no allocation. Each reused pivot
    /// must still pass the <see cref="SparseLuOptions.PivotTolerance"/> test against its column
    /// (and not be singular); when one fails, this falls back to a full <see cref="Factor"/> and
    /// sets <see cref="LastRefactorFellBack"/>. Before any successful factorisation it simply factors.
    /// </summary>
    /// <param name="values">Entries aligned with <see cref="SparsePattern.RowIndices"/>.</param>
    /// <exception cref="ArgumentException">Wrong length, or a value that is NaN or infinite.</exception>
    /// <exception cref="SingularMatrixException">The fallback factorisation found the matrix singular.</exception>
    public void Refactor(ReadOnlySpan<Complex> values)
    {
        ValidateValues(values);
        LastRefactorFellBack = false;
        if (!_factored)
        {
            Factor(values);
            return;
        }
        for (int k = 0; k < Size; k++)
        {
            if (!RefactorColumn(k, values))
            {
                Array.Clear(_work);
                LastRefactorFellBack = true;
                Factor(values);
                return;
            }
        }
        FinishPivots();
    }

    /// <returns>False when the reused pivot is no longer acceptable.</returns>
    private bool RefactorColumn(int k, ReadOnlySpan<Complex> values)
    {
        var x = _work;
        var lowerStarts = _lower.Starts;
        var lowerRows = _lower.Indices;
        var lowerValues = _lower.Values;
        var upperRows = _upper.Indices;
        var upperValues = _upper.Values;

        int column = _columnOrder[k];
        var starts = _pattern.ColumnStarts;
        double columnScale = 0;
        for (int p = starts[column]; p < starts[column + 1]; p++)
        {
            x[_scatterPosition[p]] = values[p];
            columnScale = Math.Max(columnScale, Magnitude(values[p]));
        }

        // U's column was stored in the topological order of the original reach, so every x[j]
        // is final when it is read.
        for (int p = _upper.Starts[k]; p < _upper.Starts[k + 1]; p++)
        {
            int j = upperRows[p];
            Complex ujk = x[j];
            x[j] = Complex.Zero;
            upperValues[p] = ujk;
            for (int q = lowerStarts[j]; q < lowerStarts[j + 1]; q++)
                x[lowerRows[q]] -= lowerValues[q] * ujk;
        }

        Complex pivot = x[k];
        x[k] = Complex.Zero;
        int lowerStart = lowerStarts[k];
        int lowerEnd = lowerStarts[k + 1];
        double largest = Magnitude(pivot);
        for (int q = lowerStart; q < lowerEnd; q++)
            largest = Math.Max(largest, Magnitude(x[lowerRows[q]]));
        double pivotMagnitude = Magnitude(pivot);
        if (!(pivotMagnitude >= _options.PivotTolerance * largest)
            || pivotMagnitude <= _options.SingularPivotTolerance * columnScale)
            return false;

        Complex inverse = Reciprocal(pivot);
        for (int q = lowerStart; q < lowerEnd; q++)
        {
            int i = lowerRows[q];
            lowerValues[q] = x[i] * inverse;
            x[i] = Complex.Zero;
        }
        _pivots[k] = pivot;
        _pivotInverses[k] = inverse;
        return true;
    }
}
