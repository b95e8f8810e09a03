using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model;

/// <summary>
/// A terminal's bus connection as written, <c>671.1.3</c>: the bus name (lower-case key and the
/// user's spelling) and the node numbers given (possibly fewer than the terminal's conductors;
/// OpenDSS fills the rest: phases 1, 2, 3, ... then ground).
/// </summary>
public sealed record BusSpec(string Name, string Key, ImmutableArray<int> Nodes, SourceLocation Location)
{
    internal static BusSpec Parse(DssValue value, string property)
    {
        string text = value.Text.Trim();
        string[] parts = text.Split('.');
        if (parts[0].Length == 0)
            throw new DssInputException(value.Location, $"{property}: bus name is empty in '{value}'");
        var nodes = ImmutableArray.CreateBuilder<int>(parts.Length - 1);
        for (int i = 1; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out int node))
                throw new DssInputException(value.Location, $"{property}: node '{parts[i]}' of '{text}' is not a node number (0, 1, 2, ...)");
            nodes.Add(node);
        }
        return new BusSpec(parts[0], parts[0].ToLowerInvariant(), nodes.ToImmutable(), value.Location);
    }

    /// <summary>
    /// Node numbers for <paramref name="conductors"/> conductors of which the first <paramref name="phases"/>
    /// default to 1..phases and the rest to ground (0), overridden by the nodes written.
    /// </summary>
    public int[] NodesFor(int conductors, int phases)
    {
        var result = new int[conductors];
        for (int i = 0; i < conductors; i++)
            result[i] = i < phases ? i + 1 : 0;
        for (int i = 0; i < Math.Min(conductors, Nodes.Length); i++)
            result[i] = Nodes[i];
        return result;
    }

    /// <summary>The same bus with every conductor grounded (OpenDSS's default second terminal of shunt devices).</summary>
    public BusSpec Grounded(int conductors) =>
        this with { Nodes = Enumerable.Repeat(0, conductors).ToImmutableArray() };

    public override string ToString() => Nodes.IsEmpty ? Name : Name + "." + string.Join(".", Nodes);
}
