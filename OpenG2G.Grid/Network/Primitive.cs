using System.Numerics;
using OpenG2G.Grid.Model;

namespace OpenG2G.Grid.Network;

/// <summary>
/// An element's primitive admittance matrix (siemens) and the global node of each of its
/// conductors (-1 for ground). <see cref="Slots"/> maps each (row, column) to its position in the
/// system matrix's value array (-1 when either side is ground), so that a changed element (a tap
/// move) can be re-stamped without rebuilding the matrix.
/// </summary>
public sealed class Primitive
{
    public Primitive(DssElement element, int[] nodes, Complex[,] y)
    {
        Element = element;
        Nodes = nodes;
        Y = y;
    }

    public DssElement Element { get; }
    public int[] Nodes { get; }
    public Complex[,] Y { get; internal set; }
    internal int[] Slots { get; set; } = [];

    public int Order => Nodes.Length;
}
