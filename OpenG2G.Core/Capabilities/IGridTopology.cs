using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Core.Capabilities;

/// <summary>What a controller may know about the feeder's layout.</summary>
public interface IGridTopology
{
    /// <summary>Bus-phases reported in every <see cref="GridState"/>.</summary>
    BusPhaseIndex Nodes { get; }

    /// <summary>Buses excluded from voltage metrics and control (lower-case).</summary>
    ImmutableHashSet<string> ExcludedBuses { get; }

    /// <summary>Bus an attachment connects to (lower-case); throws <see cref="ArgumentException"/> when unknown.</summary>
    string BusOf(string attachment);
}
