namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// The sparsity pattern of a square matrix in compressed-sparse-column form: the row indices of the
/// entries of column <c>j</c> are <c>RowIndices[ColumnStarts[j]..ColumnStarts[j + 1]]</c>, sorted
/// ascending. Built once per network topology; numeric values live in a separate array aligned with
/// <see cref="RowIndices"/> (use <see cref="IndexOf"/> to find where an entry goes).
/// Immutable and safe to share between threads.
/// </summary>
public sealed class SparsePattern
{
    private readonly int[] _columnStarts;
    private readonly int[] _rowIndices;

    private SparsePattern(int size, int[] columnStarts, int[] rowIndices)
    {
        Size = size;
        _columnStarts = columnStarts;
        _rowIndices = rowIndices;
    }

    /// <summary>Number of rows (and columns).</summary>
    public int Size { get; }

    /// <summary>Number of stored entries, diagonal included.</summary>
    public int NonZeros => _rowIndices.Length;

    /// <summary>Start of each column in <see cref="RowIndices"/>; length <c>Size + 1</c>, last element = <see cref="NonZeros"/>.</summary>
    public ReadOnlySpan<int> ColumnStarts => _columnStarts;

    /// <summary>Row index of each entry, column by column, sorted ascending within a column.</summary>
    public ReadOnlySpan<int> RowIndices => _rowIndices;

    /// <summary>
    /// Builds the pattern of a <paramref name="size"/> x <paramref name="size"/> matrix from its
    /// entries in any order. Duplicates are merged; every diagonal entry is included whether listed
    /// or not (a pivot slot always exists, even when its value is zero).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 1, or an entry lies outside the matrix.</exception>
    public static SparsePattern FromEntries(int size, IEnumerable<(int Row, int Column)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (size < 1)
            throw new ArgumentOutOfRangeException(nameof(size), size, "a sparse pattern needs at least one row and column");

        var rows = new List<int>(4 * size);
        var columns = new List<int>(4 * size);
        for (int i = 0; i < size; i++)
        {
            rows.Add(i);
            columns.Add(i);
        }
        foreach (var (row, column) in entries)
        {
            if ((uint)row >= (uint)size || (uint)column >= (uint)size)
                throw new ArgumentOutOfRangeException(
                    nameof(entries), $"entry ({row}, {column}) lies outside the {size} x {size} matrix");
            rows.Add(row);
            columns.Add(column);
        }
        return Compress(size, rows, columns);
    }

    /// <summary>
    /// Position of entry (<paramref name="row"/>, <paramref name="column"/>) in the values array, or
    /// -1 when the pattern does not hold it. O(log entries in the column).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The row or column lies outside the matrix.</exception>
    public int IndexOf(int row, int column)
    {
        if ((uint)row >= (uint)Size || (uint)column >= (uint)Size)
            throw new ArgumentOutOfRangeException(
                (uint)row >= (uint)Size ? nameof(row) : nameof(column),
                $"entry ({row}, {column}) lies outside the {Size} x {Size} matrix");
        int start = _columnStarts[column];
        int found = Array.BinarySearch(_rowIndices, start, _columnStarts[column + 1] - start, row);
        return found >= 0 ? found : -1;
    }

    // Two stable counting sorts (by row, then by column) leave every column's rows ascending, so
    // duplicates end up adjacent and are dropped in one pass.
    private static SparsePattern Compress(int size, List<int> rows, List<int> columns)
    {
        int count = rows.Count;
        var byRow = new int[count];
        var rowStarts = CountingStarts(size, rows);
        for (int e = 0; e < count; e++)
            byRow[rowStarts[rows[e]]++] = e;

        var columnNext = CountingStarts(size, columns);
        var sorted = new int[count];
        foreach (int e in byRow)
            sorted[columnNext[columns[e]]++] = e;

        var columnStarts = new int[size + 1];
        var rowIndices = new List<int>(count);
        int position = 0;
        for (int column = 0; column < size; column++)
        {
            columnStarts[column] = rowIndices.Count;
            int end = columnNext[column];
            int previousRow = -1;
            for (; position < end; position++)
            {
                int row = rows[sorted[position]];
                if (row != previousRow)
                    rowIndices.Add(row);
                previousRow = row;
            }
        }
        columnStarts[size] = rowIndices.Count;
        return new SparsePattern(size, columnStarts, rowIndices.ToArray());
    }

    private static int[] CountingStarts(int size, List<int> keys)
    {
        var starts = new int[size + 1];
        foreach (int key in keys)
            starts[key + 1]++;
        for (int i = 0; i < size; i++)
            starts[i + 1] += starts[i];
        return starts;
    }
}
