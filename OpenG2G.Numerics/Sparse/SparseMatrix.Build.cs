namespace OpenG2G.Numerics.Sparse;

public sealed partial class SparseMatrix
{
    /// <summary>A <paramref name="rows"/> x <paramref name="columns"/> matrix with no stored entry.</summary>
    public static SparseMatrix Empty(int rows, int columns)
    {
        if (rows < 0 || columns < 0)
            throw new ArgumentOutOfRangeException(rows < 0 ? nameof(rows) : nameof(columns), "a matrix cannot have a negative size");
        return new SparseMatrix(rows, columns, new int[columns + 1], Array.Empty<int>(), Array.Empty<double>(), trusted: true);
    }

    /// <summary>
    /// Builds a matrix from entries in any order; entries at the same position are summed (and kept
    /// even when the sum is zero). The three spans are aligned.
    /// </summary>
    /// <exception cref="ArgumentException">Spans of different lengths, a position outside the matrix, or a value that is not finite.</exception>
    public static SparseMatrix FromTriplets(int rows, int columns, ReadOnlySpan<int> rowOf, ReadOnlySpan<int> columnOf, ReadOnlySpan<double> valueOf)
    {
        if (rows < 0 || columns < 0)
            throw new ArgumentOutOfRangeException(rows < 0 ? nameof(rows) : nameof(columns), "a matrix cannot have a negative size");
        if (rowOf.Length != columnOf.Length || rowOf.Length != valueOf.Length)
            throw new ArgumentException($"got {rowOf.Length} rows, {columnOf.Length} columns and {valueOf.Length} values; they must be aligned");
        int count = rowOf.Length;
        var starts = new int[columns + 1];
        for (int e = 0; e < count; e++)
        {
            if ((uint)rowOf[e] >= (uint)rows || (uint)columnOf[e] >= (uint)columns)
                throw new ArgumentException($"entry {e} at ({rowOf[e]}, {columnOf[e]}) lies outside the {rows} x {columns} matrix");
            if (!double.IsFinite(valueOf[e]))
                throw new ArgumentException($"entry {e} at ({rowOf[e]}, {columnOf[e]}) is {valueOf[e]}; matrix entries must be finite");
            starts[columnOf[e] + 1]++;
        }
        for (int j = 0; j < columns; j++)
            starts[j + 1] += starts[j];

        // Counting sort by column, then each column's rows sorted and duplicates merged in place.
        var next = starts.AsSpan(0, columns).ToArray();
        var rowsSorted = new int[count];
        var valuesSorted = new double[count];
        for (int e = 0; e < count; e++)
        {
            int p = next[columnOf[e]]++;
            rowsSorted[p] = rowOf[e];
            valuesSorted[p] = valueOf[e];
        }
        var outStarts = new int[columns + 1];
        int write = 0;
        for (int j = 0; j < columns; j++)
        {
            int begin = starts[j], end = starts[j + 1];
            Array.Sort(rowsSorted, valuesSorted, begin, end - begin);
            outStarts[j] = write;
            for (int p = begin; p < end; p++)
            {
                if (write > outStarts[j] && rowsSorted[write - 1] == rowsSorted[p])
                {
                    valuesSorted[write - 1] += valuesSorted[p];
                    continue;
                }
                rowsSorted[write] = rowsSorted[p];
                valuesSorted[write++] = valuesSorted[p];
            }
        }
        outStarts[columns] = write;
        return new SparseMatrix(rows, columns, outStarts, rowsSorted.AsSpan(0, write).ToArray(), valuesSorted.AsSpan(0, write).ToArray(), trusted: true);
    }

    /// <summary>The non-zero entries of a dense array (exact zeros are not stored).</summary>
    public static SparseMatrix FromDense(double[,] dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        int rows = dense.GetLength(0), columns = dense.GetLength(1);
        var r = new List<int>();
        var c = new List<int>();
        var v = new List<double>();
        for (int j = 0; j < columns; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                if (dense[i, j] == 0.0)
                    continue;
                r.Add(i);
                c.Add(j);
                v.Add(dense[i, j]);
            }
        }
        return FromTriplets(rows, columns, r.ToArray(), c.ToArray(), v.ToArray());
    }

    /// <summary>The transpose, with <c>map[p]</c> = position in the transpose of this matrix's entry <c>p</c>.</summary>
    public SparseMatrix Transpose(out int[] map)
    {
        var starts = new int[Rows + 1];
        foreach (int i in _rowIndices)
            starts[i + 1]++;
        for (int i = 0; i < Rows; i++)
            starts[i + 1] += starts[i];
        var next = starts.AsSpan(0, Rows).ToArray();
        var rows = new int[NonZeros];
        var values = new double[NonZeros];
        map = new int[NonZeros];
        for (int j = 0; j < Columns; j++)
        {
            for (int p = _columnStarts[j]; p < _columnStarts[j + 1]; p++)
            {
                int q = next[_rowIndices[p]]++;
                rows[q] = j;
                values[q] = _values[p];
                map[p] = q;
            }
        }
        return new SparseMatrix(Columns, Rows, starts, rows, values, trusted: true);
    }

    /// <summary>The transpose.</summary>
    public SparseMatrix Transpose() => Transpose(out _);

    /// <summary>The upper triangle (diagonal included) of this square matrix.</summary>
    public SparseMatrix UpperTriangle()
    {
        if (Rows != Columns)
            throw new InvalidOperationException($"a {Rows} x {Columns} matrix is not square");
        var r = new List<int>();
        var c = new List<int>();
        var v = new List<double>();
        for (int j = 0; j < Columns; j++)
        {
            for (int p = _columnStarts[j]; p < _columnStarts[j + 1] && _rowIndices[p] <= j; p++)
            {
                r.Add(_rowIndices[p]);
                c.Add(j);
                v.Add(_values[p]);
            }
        }
        return FromTriplets(Rows, Columns, r.ToArray(), c.ToArray(), v.ToArray());
    }
}
