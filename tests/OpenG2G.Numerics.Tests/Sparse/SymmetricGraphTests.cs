using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

public class SymmetricGraphTests
{
    [Fact]
    public void Neighbours_are_those_of_a_plus_a_transpose_without_diagonal_or_duplicates()
    {
        var pattern = SparsePattern.FromEntries(4, [(0, 1), (1, 0), (2, 0), (3, 3), (1, 3)]);

        var graph = SymmetricGraph.FromPattern(pattern);

        Assert.Equal(new[] { 1, 2 }, graph.NeighborsOf(0).ToArray().Order());
        Assert.Equal(new[] { 0, 3 }, graph.NeighborsOf(1).ToArray().Order());
        Assert.Equal(new[] { 0 }, graph.NeighborsOf(2).ToArray());
        Assert.Equal(new[] { 1 }, graph.NeighborsOf(3).ToArray());
    }
}
