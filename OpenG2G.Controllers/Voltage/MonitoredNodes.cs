using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Voltage;

/// <summary>
/// The bus-phases a controller watches: every reported bus-phase except those of excluded buses
/// (the same rule as the voltage metrics). The index list is built once per node ordering.
/// </summary>
internal sealed class MonitoredNodes
{
    private readonly ImmutableHashSet<string> _excludedBuses;
    private BusPhaseIndex? _nodes;
    private int[] _indices = Array.Empty<int>();

    /// <param name="excludedBuses">Buses not watched (compared case-insensitively).</param>
    public MonitoredNodes(IEnumerable<string> excludedBuses)
    {
        _excludedBuses = excludedBuses.Select(b => b.ToLowerInvariant()).ToImmutableHashSet();
    }

    /// <summary>Positions in <paramref name="nodes"/> of the watched bus-phases, ascending.</summary>
    public int[] IndicesIn(BusPhaseIndex nodes)
    {
        if (!ReferenceEquals(nodes, _nodes))
        {
            var list = new List<int>(nodes.Count);
            for (int i = 0; i < nodes.Count; i++)
            {
                if (!_excludedBuses.Contains(nodes.Nodes[i].Bus.ToLowerInvariant()))
                    list.Add(i);
            }
            _indices = list.ToArray();
            _nodes = nodes;
        }
        return _indices;
    }

    /// <summary>
    /// The lowest and highest voltage (pu) over the watched bus-phases of <paramref name="state"/>,
    /// skipping NaN (absent phases); (NaN, NaN) when none has a value.
    /// </summary>
    public (double MinPu, double MaxPu) Extremes(GridState state)
    {
        int[] indices = IndicesIn(state.Nodes);
        ImmutableArray<double> v = state.VoltagePu;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (int i in indices)
        {
            double x = v[i];
            if (double.IsNaN(x))
                continue;
            if (x < min)
                min = x;
            if (x > max)
                max = x;
        }
        return double.IsPositiveInfinity(min) ? (double.NaN, double.NaN) : (min, max);
    }
}
