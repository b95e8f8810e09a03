namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// Elimination tree and column counts of the Cholesky-like factor L of P(A + A^T)P^T, for a given
/// elimination order. With diagonal pivots the LU factors of A have L's pattern in the lower part
/// and its transpose in the upper part, so these counts are the fill estimate that storage is
/// sized from.
/// </summary>
internal sealed class EliminationTree
{
    private EliminationTree(int[] parent, int[] lowerCounts)
    {
        Parent = parent;
        LowerCounts = lowerCounts;
    }

    /// <summary>Parent of each (permuted) column in the tree, -1 for a root.</summary>
    public int[] Parent { get; }

    /// <summary>Entries strictly below the diagonal in each (permuted) column of L.</summary>
    public int[] LowerCounts { get; }

    /// <summary>Entries strictly below the diagonal in L (= strictly above it in U).</summary>
    public long LowerNonZeros => LowerCounts.Sum(c => (long)c);

    /// <param name="graph">Adjacency of A + A^T.</param>
    /// <param name="order">Node eliminated at each step.</param>
    public static EliminationTree Build(SymmetricGraph graph, int[] order)
    {
        int n = graph.Size;
        var position = new int[n];
        for (int k = 0; k < n; k++)
            position[order[k]] = k;

        var parent = Parents(graph, order, position);
        return new EliminationTree(parent, CountLower(graph, order, position, parent));
    }

    /// <summary>
    /// A depth-first postorder of the tree: <c>result[k]</c> is the column placed k-th. Children
    /// come before parents and every subtree is contiguous, so columns that update each other sit
    /// together in memory; the fill is unchanged (the same eliminations, renumbered).
    /// </summary>
    public int[] Postorder()
    {
        int n = Parent.Length;
        var firstChild = new int[n];
        var nextSibling = new int[n];
        Array.Fill(firstChild, -1);
        // Pushing children in descending order leaves each list ascending.
        for (int j = n - 1; j >= 0; j--)
        {
            int p = Parent[j];
            if (p < 0)
                continue;
            nextSibling[j] = firstChild[p];
            firstChild[p] = j;
        }

        var result = new int[n];
        var stack = new int[n];
        int count = 0;
        for (int root = 0; root < n; root++)
        {
            if (Parent[root] >= 0)
                continue;
            int head = 0;
            stack[0] = root;
            while (head >= 0)
            {
                int node = stack[head];
                int child = firstChild[node];
                if (child < 0)
                {
                    result[count++] = node;
                    head--;
                }
                else
                {
                    firstChild[node] = nextSibling[child];
                    stack[++head] = child;
                }
            }
        }
        return result;
    }

    // Liu's algorithm: each earlier neighbour's current root (found with path compression through
    // "ancestor" links) becomes a child of k.
    private static int[] Parents(SymmetricGraph graph, int[] order, int[] position)
    {
        int n = graph.Size;
        var parent = new int[n];
        var ancestor = new int[n];
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            ancestor[k] = -1;
            foreach (int neighbor in graph.NeighborsOf(order[k]))
            {
                int j = position[neighbor];
                while (j >= 0 && j < k)
                {
                    int next = ancestor[j];
                    ancestor[j] = k;
                    if (next < 0)
                        parent[j] = k;
                    j = next;
                }
            }
        }
        return parent;
    }

    // Row k of L is the union of the tree paths from each earlier neighbour of k up to k (the
    // row subtree); every column on such a path gains one entry in row k. O(nnz(L)).
    private static int[] CountLower(SymmetricGraph graph, int[] order, int[] position, int[] parent)
    {
        int n = graph.Size;
        var counts = new int[n];
        var mark = new int[n];
        Array.Fill(mark, -1);
        for (int k = 0; k < n; k++)
        {
            mark[k] = k;
            foreach (int neighbor in graph.NeighborsOf(order[k]))
            {
                for (int j = position[neighbor]; j < k && mark[j] != k; j = parent[j])
                {
                    counts[j]++;
                    mark[j] = k;
                }
            }
        }
        return counts;
    }
}
