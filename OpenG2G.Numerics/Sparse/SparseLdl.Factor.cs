namespace OpenG2G.Numerics.Sparse;

public sealed partial class SparseLdl
{
    /// <summary>
    /// Numeric factorisation with new values of the analysed pattern. Allocates nothing.
    /// </summary>
    /// <param name="upperValues">Values aligned with the analysed upper triangle's entries.</param>
    /// <exception cref="ArgumentException">Wrong length, or a value that is NaN or infinite.</exception>
    /// <exception cref="SingularMatrixException">A pivot of D is zero or not finite (the matrix is singular or not factorable without pivoting); the factors are unusable until the next successful factorisation.</exception>
    public void Factor(ReadOnlySpan<double> upperValues)
    {
        if (upperValues.Length != _inputNonZeros)
            throw new ArgumentException($"got {upperValues.Length} values; the analysed pattern has {_inputNonZeros} entries", nameof(upperValues));
        _factored = false;
        Array.Clear(_permutedValues);
        for (int p = 0; p < upperValues.Length; p++)
        {
            double v = upperValues[p];
            if (!double.IsFinite(v))
                throw new ArgumentException($"upperValues[{p}] is {v}; the matrix must be finite", nameof(upperValues));
            _permutedValues[_inputToPermuted[p]] = v;
        }

        int positive = 0;
        for (int k = 0; k < _size; k++)
        {
            double d = EliminateRow(k);
            if (d == 0.0 || !double.IsFinite(d))
                throw new SingularMatrixException(_order[k], $"LDL^T breaks down: the pivot of row/column {_order[k]} is {d} (the matrix is singular, or needs pivoting)");
            _diagonal[k] = d;
            _inverseDiagonal[k] = 1.0 / d;
            if (d > 0)
                positive++;
        }
        PositivePivots = positive;
        _factored = true;
    }

    // The pattern of every row of L, found once from the elimination tree: row k's columns i < k in
    // _rowColumns[_rowStarts[k].._rowStarts[k + 1]), in an order in which every node precedes its
    // ancestors (the order the row's triangular solve needs), and the slot of L's column i that the
    // entry (k, i) fills (columns fill in increasing row order). Also fills L's row indices.
    private (int[] Starts, int[] Columns, int[] Slots) RowPatterns()
    {
        var starts = new int[_size + 1];
        var columns = new int[_lowerStarts[_size]];
        var slots = new int[columns.Length];
        var filled = new int[_size];
        var flag = new int[_size];
        var stack = new int[_size];
        var pattern = new int[_size];
        Array.Fill(flag, -1);
        int count = 0;
        for (int k = 0; k < _size; k++)
        {
            int top = _size;
            flag[k] = k;
            for (int p = _permutedStarts[k]; p < _permutedStarts[k + 1]; p++)
            {
                int length = 0;
                for (int i = _permutedRows[p]; flag[i] != k; i = _parent[i])
                {
                    stack[length++] = i;
                    flag[i] = k;
                }
                while (length > 0)
                    pattern[--top] = stack[--length];
            }
            starts[k] = count;
            for (int t = top; t < _size; t++)
            {
                int i = pattern[t];
                int slot = _lowerStarts[i] + filled[i]++;
                _lowerRows[slot] = k;
                columns[count] = i;
                slots[count++] = slot;
            }
        }
        starts[_size] = count;
        return (starts, columns, slots);
    }

    // Row k of L by a sparse triangular solve with the rows already factored; returns D[k]. The work
    // vector is zero on entry below k (every earlier row cleared what it used) and cleared again here.
    private double EliminateRow(int k)
    {
        var work = _work;
        work[k] = 0;
        for (int p = _permutedStarts[k]; p < _permutedStarts[k + 1]; p++)
            work[_permutedRows[p]] += _permutedValues[p];
        double d = work[k];
        work[k] = 0;
        int[] lowerRows = _lowerRows, lowerStarts = _lowerStarts, columns = _rowColumns, slots = _rowSlots;
        double[] lowerValues = _lowerValues, diagonal = _diagonal;
        for (int t = _rowStarts[k]; t < _rowStarts[k + 1]; t++)
        {
            int i = columns[t];
            double yi = work[i];
            work[i] = 0;
            int slot = slots[t];
            for (int p = lowerStarts[i]; p < slot; p++)
                work[lowerRows[p]] -= lowerValues[p] * yi;
            double lki = yi / diagonal[i];
            d -= lki * yi;
            lowerValues[slot] = lki;
        }
        return d;
    }
}
