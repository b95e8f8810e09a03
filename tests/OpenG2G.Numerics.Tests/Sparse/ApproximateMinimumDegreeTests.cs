using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

public class ApproximateMinimumDegreeTests
{
    public static TheoryData<string, int, ulong> Graphs()
    {
        var data = new TheoryData<string, int, ulong>();
        foreach (string family in new[] { "tree", "three-phase-tree", "grid", "random", "hub", "empty", "complete" })
        {
            foreach (int size in new[] { 1, 2, 9, 64, 400 })
                data.Add(family, size, (ulong)size);
        }
        return data;
    }

    private static List<(int, int)> Edges(string family, int size, SimRandom random) => family switch
    {
        "tree" => GraphCases.RandomTree(random, size),
        "three-phase-tree" => GraphCases.ThreePhaseTree(random, Math.Max(1, size / 3)),
        "grid" => GraphCases.Grid((int)Math.Sqrt(size)),
        "random" => GraphCases.RandomSparse(random, size, 3),
        "hub" => GraphCases.HubAndPath(size),
        "empty" => [],
        "complete" => Enumerable.Range(0, Math.Min(size, 40)).SelectMany(a => Enumerable.Range(0, Math.Min(size, 40)).Select(b => (a, b))).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "unknown graph family"),
    };

    private static int SizeOf(string family, int size) => family switch
    {
        "three-phase-tree" => 3 * Math.Max(1, size / 3),
        "grid" => (int)Math.Sqrt(size) * (int)Math.Sqrt(size),
        _ => size,
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Order_is_a_permutation(string family, int size, ulong seed)
    {
        int n = SizeOf(family, size);
        var graph = GraphCases.ToSymmetricGraph(n, Edges(family, size, new SimRandom(seed)));

        var order = ApproximateMinimumDegree.Order(graph);

        Assert.Equal(Enumerable.Range(0, n), order.Order());
    }

    [Theory]
    [InlineData("tree", 500)]
    [InlineData("three-phase-tree", 900)]
    [InlineData("hub", 300)]
    public void Graphs_with_a_perfect_elimination_order_get_one(string family, int size)
    {
        // Trees (of buses or of nodes) and a hub with a path through the rest are chordal: some
        // order creates no fill, and a minimum degree order finds it (leaves and path ends first).
        int n = SizeOf(family, size);
        var edges = Edges(family, size, new SimRandom(5));
        var graph = GraphCases.ToSymmetricGraph(n, edges);

        var order = ApproximateMinimumDegree.Order(graph);

        var tree = EliminationTree.Build(graph, order);
        Assert.Equal(graph.Starts[n] / 2, tree.LowerNonZeros);
    }

    [Theory]
    [InlineData("grid", 400, 1UL)]
    [InlineData("random", 300, 2UL)]
    [InlineData("random", 300, 3UL)]
    [InlineData("three-phase-tree", 600, 4UL)]
    public void Fill_is_close_to_exact_minimum_degree(string family, int size, ulong seed)
    {
        int n = SizeOf(family, size);
        var edges = Edges(family, size, new SimRandom(seed));
        var graph = GraphCases.ToSymmetricGraph(n, edges);
        long exact = ReferenceElimination.MinimumDegreeFill(ReferenceElimination.Graph(n, edges));

        long approximate = EliminationTree.Build(graph, ApproximateMinimumDegree.Order(graph)).LowerNonZeros;

        // Amestoy, Davis and Duff report AMD's fill within a few per cent of exact minimum degree;
        // tie-breaking alone moves it by that much either way.
        Assert.InRange(approximate, 0, (long)(1.15 * exact));
    }

    [Fact]
    public void Fill_on_a_grid_is_far_below_the_banded_natural_order()
    {
        const int side = 30;
        var graph = GraphCases.ToSymmetricGraph(side * side, GraphCases.Grid(side));
        var natural = Enumerable.Range(0, side * side).ToArray();

        long amd = EliminationTree.Build(graph, ApproximateMinimumDegree.Order(graph)).LowerNonZeros;
        long banded = EliminationTree.Build(graph, natural).LowerNonZeros;

        // Natural order fills the whole band: about side entries per column (here 25,259).
        Assert.True(amd < banded / 2, $"AMD fill {amd}, natural order fill {banded}");
    }
    [Fact]
    public void Running_out_of_workspace_compacts_it_and_still_orders_well()
    {
        // A random graph builds large new elements fast (the fill is several times the edge
        // count); the initial elbow room (20 % of the edges plus 2n) does not hold them all.
        const int size = 300;
        var edges = GraphCases.RandomSparse(new SimRandom(2), size, 3);
        var graph = GraphCases.ToSymmetricGraph(size, edges);

        var order = ApproximateMinimumDegree.Order(graph, out int compactions);

        Assert.True(compactions > 0, "the workspace never ran out: the compaction path went untested");
        Assert.Equal(Enumerable.Range(0, size), order.Order());
        long exact = ReferenceElimination.MinimumDegreeFill(ReferenceElimination.Graph(size, edges));
        Assert.InRange(EliminationTree.Build(graph, order).LowerNonZeros, 0, (long)(1.15 * exact));
    }
}
