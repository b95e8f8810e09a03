using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

/// <summary>Edge lists of the graph families the ordering tests use.</summary>
internal static class GraphCases
{
    public static SymmetricGraph ToSymmetricGraph(int size, IEnumerable<(int A, int B)> edges) =>
        SymmetricGraph.FromPattern(SparsePattern.FromEntries(size, edges.Select(e => (e.A, e.B))));

    public static List<(int, int)> RandomTree(SimRandom random, int size)
    {
        var edges = new List<(int, int)>();
        for (int i = 1; i < size; i++)
            edges.Add((random.NextInt(i), i));
        return edges;
    }

    /// <summary>A random tree of buses, three nodes each: each bus a 3-clique, each branch a full 3x3 coupling.</summary>
    public static List<(int, int)> ThreePhaseTree(SimRandom random, int buses)
    {
        var edges = new List<(int, int)>();
        for (int bus = 0; bus < buses; bus++)
        {
            for (int a = 0; a < 3; a++)
            {
                for (int b = a + 1; b < 3; b++)
                    edges.Add((3 * bus + a, 3 * bus + b));
            }
        }
        foreach (var (from, to) in RandomTree(random, buses))
        {
            for (int a = 0; a < 3; a++)
            {
                for (int b = 0; b < 3; b++)
                    edges.Add((3 * from + a, 3 * to + b));
            }
        }
        return edges;
    }

    public static List<(int, int)> Grid(int side)
    {
        var edges = new List<(int, int)>();
        for (int r = 0; r < side; r++)
        {
            for (int c = 0; c < side; c++)
            {
                int node = r * side + c;
                if (c + 1 < side)
                    edges.Add((node, node + 1));
                if (r + 1 < side)
                    edges.Add((node, node + side));
            }
        }
        return edges;
    }

    public static List<(int, int)> RandomSparse(SimRandom random, int size, int edgesPerNode)
    {
        var edges = new List<(int, int)>();
        for (int i = 0; i < size * edgesPerNode; i++)
            edges.Add((random.NextInt(size), random.NextInt(size)));
        return edges;
    }

    /// <summary>A hub joined to every other node (an arrow matrix) plus a path through the rest.</summary>
    public static List<(int, int)> HubAndPath(int size)
    {
        var edges = new List<(int, int)>();
        for (int i = 1; i < size; i++)
            edges.Add((0, i));
        for (int i = 1; i + 1 < size; i++)
            edges.Add((i, i + 1));
        return edges;
    }
}
