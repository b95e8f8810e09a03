namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// A real matrix of any shape in compressed-sparse-column form: the entries of column <c>j</c> are
/// rows <c>RowIndices[ColumnStarts[j]..ColumnStarts[j + 1]]</c> (strictly ascending) with values
/// <c>Values[...]</c> at the same positions. Immutable and safe to share between threads.
/// Explicit zeros are kept (they are part of the pattern, which solvers may reuse).
/// </summary>
public sealed partial class SparseMatrix
{
    private readonly int[] _columnStarts;
    private readonly int[] _rowIndices;
    private readonly double[] _values;

    /// <summary>
    /// Wraps CSC arrays (copied). Throws <see cref="ArgumentException"/> when the arrays do not form a
    /// valid <paramref name="rows"/> x <paramref name="columns"/> matrix (wrong lengths, rows out of
    /// range or not strictly ascending within a column, a value that is NaN or infinite).
    /// </summary>
    public SparseMatrix(int rows, int columns, ReadOnlySpan<int> columnStarts, ReadOnlySpan<int> rowIndices, ReadOnlySpan<double> values)
    {
        if (rows < 0 || columns < 0)
            throw new ArgumentOutOfRangeException(rows < 0 ? nameof(rows) : nameof(columns), "a matrix cannot have a negative size");
        if (columnStarts.Length != columns + 1 || columnStarts[0] != 0 || columnStarts[columns] != rowIndices.Length)
            throw new ArgumentException($"column starts must have {columns + 1} entries, begin at 0 and end at the number of entries ({rowIndices.Length})", nameof(columnStarts));
        if (values.Length != rowIndices.Length)
            throw new ArgumentException($"got {values.Length} values for {rowIndices.Length} row indices", nameof(values));
        for (int j = 0; j < columns; j++)
        {
            if (columnStarts[j + 1] < columnStarts[j])
                throw new ArgumentException($"column starts decrease at column {j}", nameof(columnStarts));
            for (int p = columnStarts[j]; p < columnStarts[j + 1]; p++)
            {
                if ((uint)rowIndices[p] >= (uint)rows || (p > columnStarts[j] && rowIndices[p] <= rowIndices[p - 1]))
                    throw new ArgumentException($"column {j}: row indices must lie in [0, {rows}) and ascend strictly, got {rowIndices[p]} at entry {p}", nameof(rowIndices));
                if (!double.IsFinite(values[p]))
                    throw new ArgumentException($"entry ({rowIndices[p]}, {j}) is {values[p]}; matrix entries must be finite", nameof(values));
            }
        }
        Rows = rows;
        Columns = columns;
        _columnStarts = columnStarts.ToArray();
        _rowIndices = rowIndices.ToArray();
        _values = values.ToArray();
    }

    private SparseMatrix(int rows, int columns, int[] columnStarts, int[] rowIndices, double[] values, bool trusted)
    {
        _ = trusted;
        Rows = rows;
        Columns = columns;
        _columnStarts = columnStarts;
        _rowIndices = rowIndices;
        _values = values;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeros => _rowIndices.Length;

    /// <summary>Start of each column in <see cref="RowIndices"/>; length <c>Columns + 1</c>.</summary>
    public ReadOnlySpan<int> ColumnStarts => _columnStarts;

    /// <summary>Row of each stored entry, column by column, ascending within a column.</summary>
    public ReadOnlySpan<int> RowIndices => _rowIndices;

    /// <summary>Value of each stored entry, aligned with <see cref="RowIndices"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The entry at (<paramref name="row"/>, <paramref name="column"/>); 0 when not stored.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The position lies outside the matrix.</exception>
    public double this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
                throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) lies outside the {Rows} x {Columns} matrix");
            int start = _columnStarts[column];
            int found = Array.BinarySearch(_rowIndices, start, _columnStarts[column + 1] - start, row);
            return found >= 0 ? _values[found] : 0.0;
        }
    }

    /// <summary>Whether <paramref name="other"/> has the same shape and the same stored positions.</summary>
    public bool HasSamePattern(SparseMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(this, other) || (Rows == other.Rows && Columns == other.Columns
            && _columnStarts.AsSpan().SequenceEqual(other._columnStarts) && _rowIndices.AsSpan().SequenceEqual(other._rowIndices));
    }

    /// <summary>Whether every stored entry lies on or above the diagonal.</summary>
    public bool IsUpperTriangular()
    {
        for (int j = 0; j < Columns; j++)
        {
            int end = _columnStarts[j + 1];
            if (end > _columnStarts[j] && _rowIndices[end - 1] > j)
                return false;
        }
        return true;
    }

    /// <summary>y = this x. Lengths must be <see cref="Columns"/> and <see cref="Rows"/>.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckLengths(x.Length, Columns, y.Length, Rows);
        y.Clear();
        for (int j = 0; j < Columns; j++)
        {
            double xj = x[j];
            if (xj == 0.0)
                continue;
            for (int p = _columnStarts[j]; p < _columnStarts[j + 1]; p++)
                y[_rowIndices[p]] += _values[p] * xj;
        }
    }

    /// <summary>y = this^T x. Lengths must be <see cref="Rows"/> and <see cref="Columns"/>.</summary>
    public void MultiplyTransposed(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckLengths(x.Length, Rows, y.Length, Columns);
        for (int j = 0; j < Columns; j++)
        {
            double sum = 0;
            for (int p = _columnStarts[j]; p < _columnStarts[j + 1]; p++)
                sum += _values[p] * x[_rowIndices[p]];
            y[j] = sum;
        }
    }

    /// <summary>
    /// y = S x for the symmetric S whose upper triangle this (square) matrix holds: every stored
    /// off-diagonal entry counts twice, once for each side.
    /// </summary>
    public void MultiplySymmetricUpper(ReadOnlySpan<double> x, Span<double> y)
    {
        if (Rows != Columns)
            throw new InvalidOperationException($"a {Rows} x {Columns} matrix is not square");
        CheckLengths(x.Length, Columns, y.Length, Rows);
        y.Clear();
        for (int j = 0; j < Columns; j++)
        {
            double xj = x[j];
            double sum = 0;
            for (int p = _columnStarts[j]; p < _columnStarts[j + 1]; p++)
            {
                int i = _rowIndices[p];
                y[i] += _values[p] * xj;
                if (i != j)
                    sum += _values[p] * x[i];
            }
            y[j] += sum;
        }
    }

    /// <summary>The same pattern with new values (aligned with <see cref="RowIndices"/>, copied).</summary>
    /// <exception cref="ArgumentException">Wrong length or a value that is not finite.</exception>
    public SparseMatrix WithValues(ReadOnlySpan<double> values)
    {
        if (values.Length != NonZeros)
            throw new ArgumentException($"got {values.Length} values; the pattern has {NonZeros} entries", nameof(values));
        for (int p = 0; p < values.Length; p++)
        {
            if (!double.IsFinite(values[p]))
                throw new ArgumentException($"values[{p}] is {values[p]}; matrix entries must be finite", nameof(values));
        }
        return new SparseMatrix(Rows, Columns, _columnStarts, _rowIndices, values.ToArray(), trusted: true);
    }

    private static void CheckLengths(int xLength, int xExpected, int yLength, int yExpected)
    {
        if (xLength != xExpected || yLength != yExpected)
            throw new ArgumentException($"vector lengths {xLength} and {yLength} do not fit: expected {xExpected} and {yExpected}");
    }
}
