namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// Sparse LDL^T factorisation of a real symmetric matrix, given by its upper triangle, without
/// pivoting: P K P^T = L D L^T with L unit lower triangular, D diagonal and P the fill-reducing order
/// that <see cref="SparseLu"/> uses too (approximate minimum degree, postordered; the elimination
/// tree gives the exact pattern of L). Without pivoting it needs a matrix whose every symmetric
/// permutation has an LDL^T factorisation: positive definite matrices and quasi-definite ones
/// ([H A^T; A -G] with H and G positive definite), such as the KKT systems of the QP solver.
/// <see cref="PositivePivots"/> reports the inertia, which tells a quasi-definite matrix from one
/// that only looks like it.
/// </summary>
/// <remarks>
/// Lifecycle: <see cref="Analyze"/> once per pattern (allocates everything), then any number of
/// <see cref="Factor"/> calls with new values and <see cref="Solve"/> calls, which allocate nothing.
/// Not thread-safe: one instance per thread. The numeric phase is the up-looking algorithm (each row
/// of L from a sparse triangular solve whose pattern the elimination tree gives).
/// </remarks>
public sealed partial class SparseLdl
{
    private readonly int _size;
    private readonly int _inputNonZeros;
    private readonly int[] _order;
    private readonly int[] _parent;
    private readonly int[] _permutedStarts;
    private readonly int[] _permutedRows;
    private readonly double[] _permutedValues;
    private readonly int[] _inputToPermuted;
    private readonly int[] _lowerStarts;
    private readonly int[] _lowerRows;
    private readonly double[] _lowerValues;
    private readonly int[] _rowStarts;
    private readonly int[] _rowColumns;
    private readonly int[] _rowSlots;
    private readonly double[] _diagonal;
    private readonly double[] _inverseDiagonal;
    private readonly double[] _work;
    private bool _factored;

    private SparseLdl(SparseMatrix upper, int[] order, EliminationTree tree)
    {
        _size = upper.Rows;
        _inputNonZeros = upper.NonZeros;
        _order = order;
        _parent = tree.Parent;
        (_permutedStarts, _permutedRows, _inputToPermuted) = PermuteUpper(upper, order);
        _permutedValues = new double[_permutedRows.Length];
        _lowerStarts = new int[_size + 1];
        for (int k = 0; k < _size; k++)
            _lowerStarts[k + 1] = _lowerStarts[k] + tree.LowerCounts[k];
        _lowerRows = new int[_lowerStarts[_size]];
        _lowerValues = new double[_lowerStarts[_size]];
        (_rowStarts, _rowColumns, _rowSlots) = RowPatterns();
        _diagonal = new double[_size];
        _inverseDiagonal = new double[_size];
        _work = new double[_size];
    }

    /// <summary>Where the permuted rows and columns are: entry k is the position of original row k in the elimination order.</summary>
    internal int[] Positions()
    {
        var position = new int[_size];
        for (int k = 0; k < _size; k++)
            position[_order[k]] = k;
        return position;
    }

    /// <summary>Number of rows (and columns).</summary>
    public int Size => _size;

    /// <summary>Entries strictly below the diagonal of L (fixed by the analysis).</summary>
    public int LowerNonZeros => _lowerStarts[_size];

    /// <summary>Positive entries of D after the last successful <see cref="Factor"/> (the inertia: for [H A^T; A -G] quasi-definite, the size of H).</summary>
    public int PositivePivots { get; private set; }

    /// <summary>The elimination order: original row (and column) eliminated at each step.</summary>
    internal ReadOnlySpan<int> Order => _order;

    /// <summary>
    /// Orders and symbolically analyses the symmetric matrix whose upper triangle is
    /// <paramref name="upper"/> (only its pattern is read; a missing diagonal entry counts as zero).
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square, or has an entry below the diagonal.</exception>
    public static SparseLdl Analyze(SparseMatrix upper)
    {
        ArgumentNullException.ThrowIfNull(upper);
        if (upper.Rows != upper.Columns || upper.Rows == 0)
            throw new ArgumentException($"LDL^T needs a non-empty square matrix, got {upper.Rows} x {upper.Columns}", nameof(upper));
        if (!upper.IsUpperTriangular())
            throw new ArgumentException("give the upper triangle of the symmetric matrix (an entry lies below the diagonal)", nameof(upper));
        var entries = new (int, int)[upper.NonZeros];
        var starts = upper.ColumnStarts;
        var rows = upper.RowIndices;
        for (int j = 0; j < upper.Columns; j++)
        {
            for (int p = starts[j]; p < starts[j + 1]; p++)
                entries[p] = (rows[p], j);
        }
        var graph = SymmetricGraph.FromPattern(SparsePattern.FromEntries(upper.Rows, entries));
        var (order, tree) = FillReducingOrder.Compute(graph);
        return new SparseLdl(upper, order, tree);
    }

    // The upper triangle of P K P^T, with every diagonal slot present, and where each input entry goes.
    private static (int[] Starts, int[] Rows, int[] Map) PermuteUpper(SparseMatrix upper, int[] order)
    {
        int n = upper.Rows;
        var position = new int[n];
        for (int k = 0; k < n; k++)
            position[order[k]] = k;
        var starts = upper.ColumnStarts;
        var rows = upper.RowIndices;
        var hasDiagonal = new bool[n];
        var counts = new int[n + 1];
        for (int j = 0; j < n; j++)
        {
            for (int p = starts[j]; p < starts[j + 1]; p++)
            {
                int a = position[rows[p]], b = position[j];
                counts[Math.Max(a, b) + 1]++;
                if (rows[p] == j)
                    hasDiagonal[j] = true;
            }
        }
        for (int j = 0; j < n; j++)
        {
            if (!hasDiagonal[j])
                counts[position[j] + 1]++;
        }
        for (int k = 0; k < n; k++)
            counts[k + 1] += counts[k];
        var next = counts.AsSpan(0, n).ToArray();
        var permutedRows = new int[counts[n]];
        var map = new int[upper.NonZeros];
        for (int j = 0; j < n; j++)
        {
            if (!hasDiagonal[j])
                permutedRows[next[position[j]]++] = position[j];
            for (int p = starts[j]; p < starts[j + 1]; p++)
            {
                int a = position[rows[p]], b = position[j];
                int q = next[Math.Max(a, b)]++;
                permutedRows[q] = Math.Min(a, b);
                map[p] = q;
            }
        }
        return (counts, permutedRows, map);
    }
}
