namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// The ordering step both factorisations share: approximate minimum degree on the symmetric graph,
/// postordered along its elimination tree (children before parents, subtrees contiguous) for
/// locality, and the elimination tree of that final order, whose column counts size the factor
/// storage. <see cref="SparseLu"/> uses it on A + A^T, <see cref="SparseLdl"/> on a symmetric matrix.
/// </summary>
internal static class FillReducingOrder
{
    /// <summary>The elimination order (original node eliminated at each step) and its tree.</summary>
    public static (int[] Order, EliminationTree Tree) Compute(SymmetricGraph graph)
    {
        var minimumDegree = ApproximateMinimumDegree.Order(graph);
        var postorder = EliminationTree.Build(graph, minimumDegree).Postorder();
        var order = new int[graph.Size];
        for (int k = 0; k < order.Length; k++)
            order[k] = minimumDegree[postorder[k]];
        return (order, EliminationTree.Build(graph, order));
    }
}
