using System.Collections.Immutable;

namespace OpenG2G.Core.States;

/// <summary>
/// The fixed ordering of bus-phases that every <see cref="GridState"/> of one run uses for its
/// voltage arrays. Built once per grid; shared by reference between snapshots.
/// </summary>
public sealed class BusPhaseIndex
{
    private readonly Dictionary<BusPhase, int> _positions;

    public BusPhaseIndex(IEnumerable<BusPhase> nodes)
    {
        Nodes = nodes.ToImmutableArray();
        _positions = new Dictionary<BusPhase, int>(Nodes.Length);
        for (int i = 0; i < Nodes.Length; i++)
        {
            if (!_positions.TryAdd(Nodes[i], i))
                throw new ArgumentException($"bus-phase {Nodes[i]} appears twice", nameof(nodes));
        }
    }

    /// <summary>The bus-phases in reporting order.</summary>
    public ImmutableArray<BusPhase> Nodes { get; }

    public int Count => Nodes.Length;

    /// <summary>The position of <paramref name="node"/>, or -1 when the feeder has no such bus-phase.</summary>
    public int IndexOf(BusPhase node) => _positions.TryGetValue(node, out int i) ? i : -1;

    /// <summary>The position of bus <paramref name="bus"/> (case-insensitive) phase <paramref name="phase"/>, or -1.</summary>
    public int IndexOf(string bus, int phase) => IndexOf(new BusPhase(bus.ToLowerInvariant(), phase));
}
