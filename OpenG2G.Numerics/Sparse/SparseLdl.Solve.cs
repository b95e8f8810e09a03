namespace OpenG2G.Numerics.Sparse;

public sealed partial class SparseLdl
{
    /// <summary>
    /// Solves K x = b in place (<paramref name="rightHandSide"/> holds b on entry, x on return) with
    /// the factors of the last successful <see cref="Factor"/>. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The vector's length is not <see cref="Size"/>.</exception>
    /// <exception cref="InvalidOperationException">No successful factorisation yet.</exception>
    public void Solve(Span<double> rightHandSide)
    {
        if (rightHandSide.Length != _size)
            throw new ArgumentException($"got {rightHandSide.Length} entries for a {_size} x {_size} system", nameof(rightHandSide));
        if (!_factored)
            throw new InvalidOperationException("Solve needs a successful Factor first");
        var x = _work;
        for (int k = 0; k < _size; k++)
            x[k] = rightHandSide[_order[k]];

        // L y = P b, column by column.
        for (int j = 0; j < _size; j++)
        {
            double xj = x[j];
            if (xj == 0.0)
                continue;
            for (int p = _lowerStarts[j]; p < _lowerStarts[j + 1]; p++)
                x[_lowerRows[p]] -= _lowerValues[p] * xj;
        }
        for (int j = 0; j < _size; j++)
            x[j] /= _diagonal[j];

        // L^T z = D^-1 y, backwards.
        for (int j = _size - 1; j >= 0; j--)
        {
            double sum = x[j];
            for (int p = _lowerStarts[j]; p < _lowerStarts[j + 1]; p++)
                sum -= _lowerValues[p] * x[_lowerRows[p]];
            x[j] = sum;
        }
        for (int k = 0; k < _size; k++)
        {
            rightHandSide[_order[k]] = x[k];
            x[k] = 0;
        }
    }
}
