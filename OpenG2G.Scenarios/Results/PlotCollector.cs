using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// Keeps what the plots need in bounded memory: about <see cref="TargetPoints"/> points per series. The
/// voltage envelope keeps the minimum and maximum over each window (no excursion is lost); other series
/// keep one sample per window.
/// </summary>
public sealed class PlotCollector : ISimulationObserver
{
    public const int TargetPoints = 2000;

    private readonly CountedNodes _counted;
    private readonly long _gridStride;
    private readonly long _datacenterStride;
    private long _gridCount;
    private readonly Dictionary<string, long> _siteCounts = new(StringComparer.Ordinal);
    private double _windowMin = double.PositiveInfinity, _windowMax = double.NegativeInfinity;

    public PlotCollector(IEnumerable<string> excludedBuses, TimeSpan duration, TimeSpan? gridPeriod, TimeSpan datacenterPeriod)
    {
        _counted = new CountedNodes(excludedBuses);
        _gridStride = gridPeriod is { Ticks: > 0 } g ? Math.Max(1, duration.Ticks / g.Ticks / TargetPoints) : 1;
        _datacenterStride = datacenterPeriod.Ticks > 0 ? Math.Max(1, duration.Ticks / datacenterPeriod.Ticks / TargetPoints) : 1;
    }

    public List<double> EnvelopeTimeS { get; } = new();
    public List<double> EnvelopeMinPu { get; } = new();
    public List<double> EnvelopeMaxPu { get; } = new();
    public List<double> VoltageTimeS { get; } = new();

    /// <summary>Counted bus-phases (label <c>bus.phase</c>) and their sampled voltages.</summary>
    public SortedDictionary<string, List<double>> BusVoltages { get; } = new(StringComparer.Ordinal);

    /// <summary>Per site: sample times and phase powers in kW.</summary>
    public SortedDictionary<string, SiteSeries> Sites { get; } = new(StringComparer.Ordinal);

    public void OnGridState(GridState state)
    {
        (double min, double max) = _counted.Extremes(state);
        if (!double.IsNaN(min))
        {
            _windowMin = Math.Min(_windowMin, min);
            _windowMax = Math.Max(_windowMax, max);
        }
        if (_gridCount++ % _gridStride != 0)
            return;
        EnvelopeTimeS.Add(state.Time.Seconds);
        EnvelopeMinPu.Add(double.IsPositiveInfinity(_windowMin) ? double.NaN : _windowMin);
        EnvelopeMaxPu.Add(double.IsNegativeInfinity(_windowMax) ? double.NaN : _windowMax);
        _windowMin = double.PositiveInfinity;
        _windowMax = double.NegativeInfinity;
        VoltageTimeS.Add(state.Time.Seconds);
        var nodes = state.Nodes.Nodes;
        foreach (int i in _counted.IndicesIn(state.Nodes))
        {
            string key = nodes[i].ToString();
            if (!BusVoltages.TryGetValue(key, out List<double>? list))
                BusVoltages[key] = list = new List<double>();
            list.Add(state.VoltagePu[i]);
        }
    }

    public void OnDatacenterState(DatacenterState state)
    {
        long n = _siteCounts.TryGetValue(state.Datacenter, out long c) ? c : 0;
        _siteCounts[state.Datacenter] = n + 1;
        if (n % _datacenterStride != 0)
            return;
        if (!Sites.TryGetValue(state.Datacenter, out SiteSeries? site))
            Sites[state.Datacenter] = site = new SiteSeries();
        site.TimeS.Add(state.Time.Seconds);
        site.PowerAKw.Add(state.PowerW.A / 1000.0);
        site.PowerBKw.Add(state.PowerW.B / 1000.0);
        site.PowerCKw.Add(state.PowerW.C / 1000.0);
        foreach (ModelState m in state.Models)
        {
            if (!site.BatchSize.TryGetValue(m.Model, out List<double>? batch))
            {
                site.BatchSize[m.Model] = batch = new List<double>();
                site.ItlS[m.Model] = new List<double>();
            }
            batch.Add(m.BatchSize);
            site.ItlS[m.Model].Add(m.ItlS);
        }
    }

    /// <summary>Sampled series of one datacenter.</summary>
    public sealed class SiteSeries
    {
        public List<double> TimeS { get; } = new();
        public List<double> PowerAKw { get; } = new();
        public List<double> PowerBKw { get; } = new();
        public List<double> PowerCKw { get; } = new();
        public SortedDictionary<string, List<double>> BatchSize { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, List<double>> ItlS { get; } = new(StringComparer.Ordinal);
    }
}
