using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

public class EliminationTreeTests
{
    [Fact]
    public void Small_example_matches_the_hand_elimination()
    {
        // Path 0-1-2-3 plus chord 0-3, natural order. Eliminating 0 joins 1 and 3 (fill 1-3);
        // eliminating 1 joins 2 and 3 (already adjacent). Tree: 0->1->2->3.
        var graph = GraphCases.ToSymmetricGraph(4, [(0, 1), (1, 2), (2, 3), (0, 3)]);

        var tree = EliminationTree.Build(graph, [0, 1, 2, 3]);

        Assert.Equal(new[] { 1, 2, 3, -1 }, tree.Parent);
        Assert.Equal(new[] { 2, 2, 1, 0 }, tree.LowerCounts);
    }

    [Theory]
    [InlineData(10, 1UL)]
    [InlineData(40, 2UL)]
    [InlineData(120, 3UL)]
    public void Parents_and_counts_match_brute_force_elimination_in_a_random_order(int size, ulong seed)
    {
        var random = new SimRandom(seed);
        var edges = GraphCases.RandomSparse(random, size, 2);
        var order = Enumerable.Range(0, size).ToArray();
        random.Shuffle(order);
        var (parent, counts) = ReferenceElimination.Eliminate(ReferenceElimination.Graph(size, edges), order);

        var tree = EliminationTree.Build(GraphCases.ToSymmetricGraph(size, edges), order);

        Assert.Equal(parent, tree.Parent);
        Assert.Equal(counts, tree.LowerCounts);
    }
    [Theory]
    [InlineData(60, 1UL)]
    [InlineData(300, 2UL)]
    public void Postorder_puts_children_first_keeps_subtrees_contiguous_and_fill_unchanged(int size, ulong seed)
    {
        var random = new SimRandom(seed);
        var edges = GraphCases.RandomSparse(random, size, 2);
        var graph = GraphCases.ToSymmetricGraph(size, edges);
        var order = ApproximateMinimumDegree.Order(graph);
        var tree = EliminationTree.Build(graph, order);

        var post = tree.Postorder();

        Assert.Equal(Enumerable.Range(0, size), post.Order());
        var placed = new int[size];
        for (int k = 0; k < size; k++)
            placed[post[k]] = k;
        var subtreeSize = Enumerable.Repeat(1, size).ToArray();
        for (int j = 0; j < size; j++)
        {
            if (tree.Parent[j] >= 0)
            {
                Assert.True(placed[j] < placed[tree.Parent[j]]);
                subtreeSize[tree.Parent[j]] += subtreeSize[j]; // parents come after children in j too
            }
        }
        for (int j = 0; j < size; j++)
        {
            // A contiguous subtree ending at its root: every descendant sits in the block just before it.
            for (int a = tree.Parent[j]; a >= 0; a = tree.Parent[a])
                Assert.InRange(placed[j], placed[a] - subtreeSize[a] + 1, placed[a] - 1);
        }
        var renumbered = post.Select(k => order[k]).ToArray();
        Assert.Equal(tree.LowerNonZeros, EliminationTree.Build(graph, renumbered).LowerNonZeros);
    }
}
