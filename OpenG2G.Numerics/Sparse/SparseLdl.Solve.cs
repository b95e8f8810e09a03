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
        int[] order = _order;
        int n = _size;
        for (int k = 0; k < n; k++)
            x[k] = rightHandSide[order[k]];
        SolvePermuted(x);
        for (int k = 0; k < n; k++)
            rightHandSide[order[k]] = x[k];
    }

    /// <summary>
    /// Solves in the elimination order: on entry <paramref name="x"/>[k] holds b at original row
    /// <c>Order[k]</c>, on return the solution there (no gather or scatter; see <see cref="Positions"/>).
    /// Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The vector's length is not <see cref="Size"/>.</exception>
    /// <exception cref="InvalidOperationException">No successful factorisation yet.</exception>
    internal void SolvePermuted(Span<double> x)
    {
        if (x.Length != _size)
            throw new ArgumentException($"got {x.Length} entries for a {_size} x {_size} system", nameof(x));
        if (!_factored)
            throw new InvalidOperationException("Solve needs a successful Factor first");
        int[] starts = _lowerStarts, rows = _lowerRows;
        double[] values = _lowerValues, inverse = _inverseDiagonal;
        int n = _size;

        // L y = P b, column by column.
        for (int j = 0; j < n; j++)
        {
            double xj = x[j];
            if (xj == 0.0)
                continue;
            int end = starts[j + 1];
            for (int p = starts[j]; p < end; p++)
                x[rows[p]] -= values[p] * xj;
        }

        // L^T z = D^-1 y, backwards.
        for (int j = n - 1; j >= 0; j--)
        {
            double sum = x[j] * inverse[j];
            int end = starts[j + 1];
            for (int p = starts[j]; p < end; p++)
                sum -= values[p] * x[rows[p]];
            x[j] = sum;
        }
    }
}
