namespace OpenG2G.Grid.Solver;

/// <summary>The admittance matrix is singular at <see cref="Node"/> (a floating part of the network).</summary>
public sealed class SingularNetworkException : Exception
{
    public SingularNetworkException(int column, string node)
        : base($"the admittance matrix is singular at node {node}: that part of the network has no reference to ground or the source")
    {
        Column = column;
        Node = node;
    }

    public int Column { get; }
    public string Node { get; }
}
