namespace OpenG2G.Grid.Solver;

/// <summary>Creates the linear system behind the admittance matrix (tests may substitute another implementation).</summary>
internal static class LinearSystems
{
    /// <summary>Replaces the sparse LU in tests (an independent dense reference); null for the default.</summary>
    [ThreadStatic]
    internal static Func<int, IEnumerable<(int Row, int Column)>, Func<int, string>, ILinearSystem>? Override;

    public static ILinearSystem Create(int size, IEnumerable<(int Row, int Column)> entries, Func<int, string> nodeName) =>
        Override?.Invoke(size, entries, nodeName) ?? new SparseLinearSystem(size, entries, nodeName);
}
