namespace OpenG2G.Numerics.Tests.Sparse;

/// <summary>
/// Brute-force symbolic elimination on an explicit graph (sets of neighbours), the slow and
/// obvious way: eliminating a node joins its remaining neighbours into a clique. Reference for the
/// elimination tree, the column counts and the quality of the minimum degree ordering.
/// </summary>
internal static class ReferenceElimination
{
    public static List<HashSet<int>> Graph(int size, IEnumerable<(int A, int B)> edges)
    {
        var graph = Enumerable.Range(0, size).Select(_ => new HashSet<int>()).ToList();
        foreach (var (a, b) in edges)
        {
            if (a == b)
                continue;
            graph[a].Add(b);
            graph[b].Add(a);
        }
        return graph;
    }

    /// <summary>For each step k: the etree parent (step of the first later neighbour, -1 if none) and the count below the diagonal.</summary>
    public static (int[] Parent, int[] Counts) Eliminate(List<HashSet<int>> graph, int[] order)
    {
        int n = graph.Count;
        var position = new int[n];
        for (int k = 0; k < n; k++)
            position[order[k]] = k;
        var g = graph.Select(s => new HashSet<int>(s)).ToList();
        var parent = new int[n];
        var counts = new int[n];
        for (int k = 0; k < n; k++)
        {
            int v = order[k];
            var later = g[v].Where(u => position[u] > k).ToList();
            counts[k] = later.Count;
            parent[k] = later.Count == 0 ? -1 : later.Min(u => position[u]);
            EliminateNode(g, v, later);
        }
        return (parent, counts);
    }

    /// <summary>Exact minimum degree (ties to the lowest node number); returns the fill count, sum of degrees at elimination.</summary>
    public static long MinimumDegreeFill(List<HashSet<int>> graph)
    {
        var g = graph.Select(s => new HashSet<int>(s)).ToList();
        var alive = new SortedSet<int>(Enumerable.Range(0, g.Count));
        long total = 0;
        while (alive.Count > 0)
        {
            int v = alive.MinBy(u => g[u].Count);
            var neighbours = g[v].ToList();
            total += neighbours.Count;
            EliminateNode(g, v, neighbours);
            alive.Remove(v);
        }
        return total;
    }

    private static void EliminateNode(List<HashSet<int>> g, int v, List<int> neighbours)
    {
        foreach (int a in neighbours)
        {
            g[a].Remove(v);
            foreach (int b in neighbours)
            {
                if (a != b)
                    g[a].Add(b);
            }
        }
        g[v].Clear();
    }
}
