using System.Collections.Immutable;
using OpenG2G.Core.Components;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// Measures one control period from the states the agent's next step is given: violation depth (plain
/// and squared, counted bus-phases, the metrics' band), lowest voltage, reported throughput and latency
/// excess of the target datacenters. Turns them into the reward with <see cref="RewardOptions"/>.
/// </summary>
internal sealed class PeriodMeter
{
    private readonly RewardOptions _reward;
    private readonly VoltageBand _band;
    private readonly CountedNodes _counted;
    private readonly HashSet<string> _sites;
    private readonly IReadOnlyDictionary<string, double> _deadlinesS;
    private readonly double _gridPeriodS;
    private readonly Dictionary<string, (double Sum, int Count)> _itl = new(StringComparer.Ordinal);

    public PeriodMeter(RewardOptions reward, VoltageBand band, IEnumerable<string> excludedBuses, IEnumerable<string> sites,
        IReadOnlyDictionary<string, double> deadlinesS, double gridPeriodS)
    {
        _reward = reward;
        _band = band;
        _counted = new CountedNodes(excludedBuses);
        _sites = new HashSet<string>(sites, StringComparer.Ordinal);
        _deadlinesS = deadlinesS;
        _gridPeriodS = gridPeriodS;
    }

    public StepInfo Measure(double timeS, ControllerInputs inputs, int switches)
    {
        double linear = 0, squared = 0, min = double.PositiveInfinity;
        ImmutableArray<GridState> grid = inputs.GridStates;
        foreach (GridState g in grid)
        {
            ImmutableArray<double> v = g.VoltagePu;
            foreach (int i in _counted.IndicesIn(g.Nodes))
            {
                double x = v[i];
                if (double.IsNaN(x))
                    continue;
                min = Math.Min(min, x);
                double depth = x < _band.VMinPu ? _band.VMinPu - x : x > _band.VMaxPu ? x - _band.VMaxPu : 0.0;
                linear += depth;
                squared += depth * depth;
            }
        }
        int snapshots = Math.Max(grid.Length, 1);
        (double throughput, double latency) = Service(inputs);
        double r = -(_reward.ViolationWeightPerPu * linear / snapshots + _reward.ViolationSquaredWeight * squared / snapshots)
            + _reward.ThroughputWeight * throughput / _reward.ThroughputReferenceTokensPerS
            - _reward.LatencyWeight * latency
            - _reward.SwitchingWeight * switches;
        return new StepInfo(timeS, linear * _gridPeriodS, squared / snapshots, double.IsInfinity(min) ? double.NaN : min,
            throughput, latency, switches, r, null);
    }

    private (double ThroughputTokensPerS, double LatencyExcess) Service(ControllerInputs inputs)
    {
        double throughput = 0;
        long lastTicks = long.MinValue;
        int instants = 0;
        _itl.Clear();
        foreach (DatacenterState s in inputs.DatacenterStates)
        {
            if (!_sites.Contains(s.Datacenter))
                continue;
            if (s.Time.Ticks != lastTicks)
            {
                instants++;
                lastTicks = s.Time.Ticks;
            }
            foreach (ModelState m in s.Models)
            {
                throughput += m.ThroughputTokensPerS;
                if (m.ActiveReplicas > 0 && double.IsFinite(m.ItlS) && m.ItlS > 0)
                {
                    _itl.TryGetValue(m.Model, out var acc);
                    _itl[m.Model] = (acc.Sum + m.ItlS, acc.Count + 1);
                }
            }
        }
        double excess = 0;
        foreach (var (model, (sum, count)) in _itl)
            excess += Math.Max(0.0, sum / count / _deadlinesS[model] - 1.0);
        return (instants == 0 ? 0.0 : throughput / instants, _itl.Count == 0 ? 0.0 : excess / _itl.Count);
    }
}
