using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Core.Metrics;

/// <summary>
/// The one rule for which bus-phases count: every reported bus-phase except those of the excluded
/// buses, compared case-insensitively. The voltage metrics, the results tables, the plots and the
/// controllers all go through it, so "counted" means the same everywhere. The index list is built once
/// per node ordering (a grid reports the same <see cref="BusPhaseIndex"/> instance every solve).
/// </summary>
public sealed class CountedNodes
{
    private readonly ImmutableHashSet<string> _excluded;
    private BusPhaseIndex? _nodes;
    private int[] _indices = [];

    /// <param name="excludedBuses">Buses left out (case-insensitive).</param>
    public CountedNodes(IEnumerable<string> excludedBuses)
    {
        _excluded = excludedBuses.Select(b => b.ToLowerInvariant()).ToImmutableHashSet();
    }

    /// <summary>True when <paramref name="bus"/> is one of the excluded buses.</summary>
    public bool IsExcluded(string bus) => _excluded.Contains(bus.ToLowerInvariant());

    /// <summary>Positions in <paramref name="nodes"/> of the counted bus-phases, ascending.</summary>
    public int[] IndicesIn(BusPhaseIndex nodes)
    {
        if (!ReferenceEquals(nodes, _nodes))
        {
            var list = new List<int>(nodes.Count);
            for (int i = 0; i < nodes.Count; i++)
            {
                if (!IsExcluded(nodes.Nodes[i].Bus))
                    list.Add(i);
            }
            _indices = list.ToArray();
            _nodes = nodes;
        }
        return _indices;
    }

    /// <summary>
    /// The lowest and highest voltage (pu) over the counted bus-phases of <paramref name="state"/>,
    /// skipping NaN (absent phases); (NaN, NaN) when none has a value.
    /// </summary>
    public (double MinPu, double MaxPu) Extremes(GridState state)
    {
        ImmutableArray<double> v = state.VoltagePu;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (int i in IndicesIn(state.Nodes))
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
