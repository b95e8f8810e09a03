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

        Array.Clear(_lowerFilled);
        Array.Fill(_flag, -1);
        int positive = 0;
        for (int k = 0; k < _size; k++)
        {
            int top = RowPattern(k);
            double d = EliminateRow(k, top);
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

    // Scatters column k of the permuted upper triangle into the work vector and returns where, in
    // _pattern[top..n), the rows i < k of L's row k start; they come in an order in which every
    // node precedes its ancestors in the elimination tree, which is the order the solve needs.
    private int RowPattern(int k)
    {
        int top = _size;
        _flag[k] = k;
        _work[k] = 0;
        for (int p = _permutedStarts[k]; p < _permutedStarts[k + 1]; p++)
        {
            int i = _permutedRows[p];
            _work[i] += _permutedValues[p];
            int length = 0;
            for (; _flag[i] != k; i = _parent[i])
            {
                _pattern[length++] = i;
                _flag[i] = k;
            }
            while (length > 0)
                _pattern[--top] = _pattern[--length];
        }
        return top;
    }

    // Row k of L by a sparse triangular solve with the rows already factored; returns D[k].
    private double EliminateRow(int k, int top)
    {
        double d = _work[k];
        _work[k] = 0;
        for (int t = top; t < _size; t++)
        {
            int i = _pattern[t];
            double yi = _work[i];
            _work[i] = 0;
            int start = _lowerStarts[i];
            int end = start + _lowerFilled[i];
            for (int p = start; p < end; p++)
                _work[_lowerRows[p]] -= _lowerValues[p] * yi;
            double lki = yi / _diagonal[i];
            d -= lki * yi;
            _lowerRows[end] = k;
            _lowerValues[end] = lki;
            _lowerFilled[i]++;
        }
        return d;
    }
}
