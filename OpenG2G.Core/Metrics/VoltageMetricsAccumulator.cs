using System.Collections.Immutable;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;

namespace OpenG2G.Core.Metrics;

/// <summary>
/// Streams grid snapshots into <see cref="VoltageMetrics"/>. Per snapshot,
/// s_t = sum over counted bus-phases of max(v_min - v, 0) + max(v - v_max, 0), where a bus-phase is
/// counted unless its bus is excluded or its voltage is NaN (a missing phase). dt is the median
/// spacing of snapshots; violation time = (snapshots with s_t > 0) x dt; integral = sum s_t x dt.
/// Keeps one double and one tick count per snapshot, not the voltages.
/// </summary>
public sealed class VoltageMetricsAccumulator : ISimulationObserver
{
    private readonly VoltageBand _band;
    private readonly CountedNodes _counted;
    private readonly double _fallbackSpacingS;
    private readonly List<long> _times = new();
    private readonly List<double> _violationSums = new();
    private double _worstMin = double.PositiveInfinity;
    private double _worstMax = double.NegativeInfinity;

    /// <param name="band">Voltage limits.</param>
    /// <param name="excludedBuses">Buses not counted (case-insensitive).</param>
    /// <param name="fallbackSpacingS">dt to use when there are fewer than two snapshots (the grid period).</param>
    public VoltageMetricsAccumulator(VoltageBand band, IEnumerable<string> excludedBuses, double fallbackSpacingS)
    {
        _band = band;
        _counted = new CountedNodes(excludedBuses);
        _fallbackSpacingS = fallbackSpacingS;
    }

    public void OnGridState(GridState state) => Add(state);

    /// <summary>Count one snapshot; snapshots must arrive in time order.</summary>
    public void Add(GridState state)
    {
        if (_times.Count > 0 && state.Time.Ticks < _times[^1])
            throw new ArgumentException($"grid snapshot at t={state.Time} arrived after t={new Time.SimTime(_times[^1])}");
        double sum = 0;
        ImmutableArray<double> v = state.VoltagePu;
        foreach (int i in _counted.IndicesIn(state.Nodes))
        {
            double x = v[i];
            if (double.IsNaN(x))
                continue;
            if (x < _worstMin)
                _worstMin = x;
            if (x > _worstMax)
                _worstMax = x;
            if (x < _band.VMinPu)
                sum += _band.VMinPu - x;
            else if (x > _band.VMaxPu)
                sum += x - _band.VMaxPu;
        }
        _times.Add(state.Time.Ticks);
        _violationSums.Add(sum);
    }

    /// <summary>The metrics over every snapshot added so far.</summary>
    public VoltageMetrics Result()
    {
        double dt = SampleStatistics.MedianSpacingS(_times, _fallbackSpacingS);
        int violating = 0;
        double integral = 0;
        foreach (double s in _violationSums)
        {
            if (s > 0)
            {
                violating++;
                integral += s * dt;
            }
        }
        bool any = _times.Count > 0 && !double.IsInfinity(_worstMin);
        return new VoltageMetrics(
            violating * dt,
            integral,
            any ? _worstMin : double.NaN,
            any ? _worstMax : double.NaN,
            _times.Count,
            dt,
            violating);
    }
}
