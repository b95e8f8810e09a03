using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// Keeps what the plots need in bounded memory: about <see cref="TargetPoints"/> points per series, each
/// window keeping its minimum and maximum (<see cref="MinMaxGroup"/>), so every peak and dip of the run
/// (the ITL spikes, the lowest voltage) is in the picture.
/// </summary>
public sealed class PlotCollector : ISimulationObserver
{
    public const int TargetPoints = 2000;

    private readonly CountedNodes _counted;
    private readonly long _datacenterStride;

    public PlotCollector(IEnumerable<string> excludedBuses, TimeSpan duration, TimeSpan? gridPeriod, TimeSpan datacenterPeriod)
    {
        _counted = new CountedNodes(excludedBuses);
        // Two points per window: windows of stride samples give about TargetPoints points.
        long gridStride = gridPeriod is { Ticks: > 0 } g ? Math.Max(1, 2 * duration.Ticks / g.Ticks / TargetPoints) : 1;
        _datacenterStride = datacenterPeriod.Ticks > 0 ? Math.Max(1, 2 * duration.Ticks / datacenterPeriod.Ticks / TargetPoints) : 1;
        Envelope = new MinMaxGroup(gridStride);
        BusVoltages = new MinMaxGroup(gridStride);
    }

    /// <summary>Series <c>lowest</c> and <c>highest</c>: the counted bus-phases' extremes at each solve, in pu.</summary>
    public MinMaxGroup Envelope { get; }

    /// <summary>Counted bus-phases (name <c>bus.phase</c>), voltage in pu.</summary>
    public MinMaxGroup BusVoltages { get; }

    /// <summary>Per datacenter: power per phase (kW), batch sizes and ITL (s) per model.</summary>
    public SortedDictionary<string, SiteSeries> Sites { get; } = new(StringComparer.Ordinal);

    public void OnGridState(GridState state)
    {
        (double min, double max) = _counted.Extremes(state);
        double t = state.Time.Seconds;
        Envelope.Begin(t);
        Envelope.Add("lowest", min);
        Envelope.Add("highest", max);
        BusVoltages.Begin(t);
        var nodes = state.Nodes.Nodes;
        foreach (int i in _counted.IndicesIn(state.Nodes))
            BusVoltages.Add(nodes[i].ToString(), state.VoltagePu[i]);
    }

    public void OnDatacenterState(DatacenterState state)
    {
        if (!Sites.TryGetValue(state.Datacenter, out SiteSeries? site))
            Sites[state.Datacenter] = site = new SiteSeries(_datacenterStride);
        double t = state.Time.Seconds;
        site.PowerKw.Begin(t);
        site.PowerKw.Add("phase A", state.PowerW.A / 1000.0);
        site.PowerKw.Add("phase B", state.PowerW.B / 1000.0);
        site.PowerKw.Add("phase C", state.PowerW.C / 1000.0);
        site.BatchSize.Begin(t);
        site.ItlS.Begin(t);
        foreach (ModelState m in state.Models)
        {
            site.BatchSize.Add(m.Model, m.BatchSize);
            site.ItlS.Add(m.Model, m.ItlS);
        }
    }

    /// <summary>Close every partial window (call once, after the run).</summary>
    public void Complete()
    {
        Envelope.Complete();
        BusVoltages.Complete();
        foreach (SiteSeries s in Sites.Values)
        {
            s.PowerKw.Complete();
            s.BatchSize.Complete();
            s.ItlS.Complete();
        }
    }

    /// <summary>Decimated series of one datacenter.</summary>
    public sealed class SiteSeries(long stride)
    {
        public MinMaxGroup PowerKw { get; } = new(stride);
        public MinMaxGroup BatchSize { get; } = new(stride);
        public MinMaxGroup ItlS { get; } = new(stride);
    }
}
