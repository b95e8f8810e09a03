using System.Numerics;

namespace OpenG2G.Numerics.Sparse;

public sealed partial class SparseLu
{
    /// <summary>
    /// Full numeric factorisation with threshold partial pivoting: column by column (in the
    /// analysed order) a sparse triangular solve with the columns already factored, then the pivot:
    /// the diagonal candidate while it is at least <see cref="SparseLuOptions.PivotTolerance"/>
    /// times the largest candidate, else the largest. Allocates only when fill exceeds the
    /// symbolic estimate (off-diagonal pivots can add fill).
    /// </summary>
    /// <param name="values">Entries aligned with <see cref="SparsePattern.RowIndices"/>.</param>
    /// <exception cref="ArgumentException">Wrong length, or a value that is NaN or infinite.</exception>
    /// <exception cref="SingularMatrixException">A column has no usable pivot; the factors are unusable until the next successful factorisation.</exception>
    public void Factor(ReadOnlySpan<Complex> values)
    {
        ValidateValues(values);
        _factored = false;
        int n = Size;
        Array.Fill(_positionOfRow, -1);
        Array.Clear(_visited);
        for (int k = 0; k < n; k++)
        {
            _preferredRowAt[k] = _columnOrder[k];
            _preferredPositionOf[_columnOrder[k]] = k;
        }

        for (int k = 0; k < n; k++)
            FactorColumn(k, values);

        // Rows of L were kept as original row numbers while positions were still being chosen;
        // from now on everything works in pivot order.
        var lowerRows = _lower.Indices;
        int lowerCount = _lower.NonZeros(n);
        for (int p = 0; p < lowerCount; p++)
            lowerRows[p] = _positionOfRow[lowerRows[p]];
        var rows = _pattern.RowIndices;
        for (int p = 0; p < rows.Length; p++)
            _scatterPosition[p] = _positionOfRow[rows[p]];
        FinishPivots();
        _factored = true;
    }

    private void FactorColumn(int k, ReadOnlySpan<Complex> values)
    {
        int column = _columnOrder[k];
        int top = Reach(k, column);
        double columnScale = Scatter(column, values);
        EliminateWithFactoredColumns(top);

        int pivotRow = ChoosePivot(k, top, columnScale);
        if (pivotRow < 0)
        {
            for (int t = top; t < Size; t++)
                _work[_reach[t]] = Complex.Zero;
            throw new SingularMatrixException(
                column, $"the matrix is singular: column {column} has no usable pivot (every candidate is at most {_options.SingularPivotTolerance:g3} times the column's largest entry)");
        }
        StoreColumn(k, top, pivotRow);
    }

    private double Scatter(int column, ReadOnlySpan<Complex> values)
    {
        var starts = _pattern.ColumnStarts;
        var rows = _pattern.RowIndices;
        double scale = 0;
        for (int p = starts[column]; p < starts[column + 1]; p++)
        {
            _work[rows[p]] = values[p];
            scale = Math.Max(scale, Magnitude(values[p]));
        }
        return scale;
    }

    // x := L \ x over the factored part, in the topological order the reach produced, so each
    // x[j] is final before it is used.
    private void EliminateWithFactoredColumns(int top)
    {
        var x = _work;
        var lowerStarts = _lower.Starts;
        var lowerRows = _lower.Indices;
        var lowerValues = _lower.Values;
        for (int t = top; t < _reach.Length; t++)
        {
            int j = _reach[t];
            int position = _positionOfRow[j];
            if (position < 0)
                continue;
            Complex xj = x[j];
            for (int p = lowerStarts[position]; p < lowerStarts[position + 1]; p++)
                x[lowerRows[p]] -= lowerValues[p] * xj;
        }
    }

    /// <returns>The original row chosen as pivot, or -1 when the column is singular.</returns>
    private int ChoosePivot(int k, int top, double columnScale)
    {
        int best = -1;
        double largest = 0;
        for (int t = top; t < Size; t++)
        {
            int i = _reach[t];
            if (_positionOfRow[i] >= 0)
                continue;
            double magnitude = Magnitude(_work[i]);
            if (magnitude > largest)
            {
                largest = magnitude;
                best = i;
            }
        }
        if (best < 0 || largest <= _options.SingularPivotTolerance * columnScale)
            return -1;

        int diagonal = _preferredRowAt[k];
        bool diagonalIsCandidate = _visited[diagonal] == k + 1 && _positionOfRow[diagonal] < 0;
        if (diagonalIsCandidate && Magnitude(_work[diagonal]) >= _options.PivotTolerance * largest)
            return diagonal;
        return best;
    }

    private void StoreColumn(int k, int top, int pivotRow)
    {
        int n = Size;
        int upperCount = 0;
        for (int t = top; t < n; t++)
        {
            if (_positionOfRow[_reach[t]] >= 0)
                upperCount++;
        }
        int upperStart = _upper.Starts[k];
        int lowerStart = _lower.Starts[k];
        _upper.EnsureCapacity(upperStart + upperCount);
        _lower.EnsureCapacity(lowerStart + (n - top - upperCount - 1));

        Complex pivot = _work[pivotRow];
        Complex inverse = Reciprocal(pivot);
        _work[pivotRow] = Complex.Zero;
        int u = upperStart;
        int l = lowerStart;
        for (int t = top; t < n; t++)
        {
            int i = _reach[t];
            int position = _positionOfRow[i];
            if (position >= 0)
            {
                _upper.Indices[u] = position;
                _upper.Values[u++] = _work[i];
            }
            else if (i != pivotRow)
            {
                _lower.Indices[l] = i;
                _lower.Values[l++] = _work[i] * inverse;
            }
            _work[i] = Complex.Zero;
        }
        _upper.Starts[k + 1] = u;
        _lower.Starts[k + 1] = l;
        _pivots[k] = pivot;
        _pivotInverses[k] = inverse;
        _positionOfRow[pivotRow] = k;
        _rowOfPosition[k] = pivotRow;
        SwapPreferredRows(k, pivotRow);
    }

    // KLU's rule: when row r is taken at step k instead of the preferred row d, d inherits r's
    // place, so it stays the preferred (diagonal) candidate of the column r would have served.
    private void SwapPreferredRows(int k, int pivotRow)
    {
        int displaced = _preferredRowAt[k];
        if (displaced == pivotRow)
            return;
        int place = _preferredPositionOf[pivotRow];
        _preferredRowAt[place] = displaced;
        _preferredPositionOf[displaced] = place;
        _preferredRowAt[k] = pivotRow;
        _preferredPositionOf[pivotRow] = k;
    }

    private void FinishPivots()
    {
        double smallest = double.PositiveInfinity;
        double largest = 0;
        foreach (var pivot in _pivots)
        {
            double magnitude = Magnitude(pivot);
            smallest = Math.Min(smallest, magnitude);
            largest = Math.Max(largest, magnitude);
        }
        PivotRatio = smallest / largest;
    }
}
