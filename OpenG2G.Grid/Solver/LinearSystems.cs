namespace OpenG2G.Grid.Solver;

/// <summary>Creates the linear system behind the admittance matrix (one place to switch the implementation).</summary>
internal static class LinearSystems
{
    public static ILinearSystem Create(int size, IEnumerable<(int Row, int Column)> entries, Func<int, string> nodeName) =>
        new DenseLinearSystem(size, entries, nodeName);
}
