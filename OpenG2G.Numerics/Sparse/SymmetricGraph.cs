namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// The adjacency structure of A + A^T without the diagonal, in compressed rows: the neighbours of
/// node <c>i</c> are <c>Neighbors[Starts[i]..Starts[i + 1]]</c>, each once. Both the ordering and
/// the symbolic analysis work on this graph, because pivots are preferred on the diagonal.
/// </summary>
internal sealed class SymmetricGraph
{
    private SymmetricGraph(int size, int[] starts, int[] neighbors)
    {
        Size = size;
        Starts = starts;
        Neighbors = neighbors;
    }

    public int Size { get; }

    public int[] Starts { get; }

    public int[] Neighbors { get; }

    public int Degree(int node) => Starts[node + 1] - Starts[node];

    public ReadOnlySpan<int> NeighborsOf(int node) => Neighbors.AsSpan(Starts[node], Degree(node));

    public static SymmetricGraph FromPattern(SparsePattern pattern)
    {
        int n = pattern.Size;
        var columnStarts = pattern.ColumnStarts;
        var rowIndices = pattern.RowIndices;

        // Upper bound per node: its column entries plus its row entries; duplicates (an entry
        // present both as (i, j) and (j, i)) are squeezed out in the second pass.
        var bound = new int[n + 1];
        for (int column = 0; column < n; column++)
        {
            for (int p = columnStarts[column]; p < columnStarts[column + 1]; p++)
            {
                int row = rowIndices[p];
                if (row == column)
                    continue;
                bound[row + 1]++;
                bound[column + 1]++;
            }
        }
        for (int i = 0; i < n; i++)
            bound[i + 1] += bound[i];

        var raw = new int[bound[n]];
        var next = bound.AsSpan(0, n).ToArray();
        for (int column = 0; column < n; column++)
        {
            for (int p = columnStarts[column]; p < columnStarts[column + 1]; p++)
            {
                int row = rowIndices[p];
                if (row == column)
                    continue;
                raw[next[row]++] = column;
                raw[next[column]++] = row;
            }
        }
        return Deduplicate(n, bound, next, raw);
    }

    private static SymmetricGraph Deduplicate(int n, int[] bound, int[] end, int[] raw)
    {
        var starts = new int[n + 1];
        var seenBy = new int[n];
        Array.Fill(seenBy, -1);
        int write = 0;
        for (int i = 0; i < n; i++)
        {
            starts[i] = write;
            for (int p = bound[i]; p < end[i]; p++)
            {
                int j = raw[p];
                if (seenBy[j] == i)
                    continue;
                seenBy[j] = i;
                raw[write++] = j;
            }
        }
        starts[n] = write;
        return new SymmetricGraph(n, starts, raw.AsSpan(0, write).ToArray());
    }
}
