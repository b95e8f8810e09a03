using System.Collections.Immutable;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;

namespace OpenG2G.Core.Metrics;

/// <summary>
/// Streams datacenter states into <see cref="ServiceMetrics"/>. A (state, model) sample is valid when
/// the model has replicas &gt; 0 and a finite, positive ITL; its throughput is batch / ITL x replicas.
/// Mean throughput = sum over states of the summed throughput / number of distinct timestamps (states
/// of several sites at one instant share a timestamp). Deadline misses: valid samples with ITL strictly
/// above the model's deadline, over all valid samples.
/// </summary>
public sealed class ServiceMetricsAccumulator : ISimulationObserver
{
    private readonly IReadOnlyDictionary<string, double> _deadlinesS;
    private readonly SortedDictionary<string, ModelTotals> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SiteTotals> _sites = new(StringComparer.Ordinal);
    private long _lastTicks = long.MinValue;
    private long _timestamps;
    private double _throughputSum;
    private double _powerSumW;
    private long _valid;
    private long _misses;

    /// <param name="itlDeadlinesS">ITL deadline in seconds per model label; a model without one is an error when it is seen.</param>
    public ServiceMetricsAccumulator(IReadOnlyDictionary<string, double> itlDeadlinesS) => _deadlinesS = itlDeadlinesS;

    public void OnDatacenterState(DatacenterState state) => Add(state);

    /// <summary>Count one datacenter state; states must arrive in time order.</summary>
    public void Add(DatacenterState state)
    {
        long t = state.Time.Ticks;
        if (t < _lastTicks)
            throw new ArgumentException($"datacenter state at t={state.Time} arrived after a later one");
        if (t != _lastTicks)
        {
            _timestamps++;
            _lastTicks = t;
        }

        double powerW = state.PowerW.Total;
        _powerSumW += powerW;
        if (!_sites.TryGetValue(state.Datacenter, out SiteTotals? site))
            _sites[state.Datacenter] = site = new SiteTotals();
        site.Times.Add(t);
        site.PowerSumW += powerW;

        foreach (ModelState m in state.Models)
            AddModel(m);
    }

    private void AddModel(ModelState m)
    {
        if (!_models.TryGetValue(m.Model, out ModelTotals? totals))
        {
            if (!_deadlinesS.TryGetValue(m.Model, out double deadline))
                throw new ArgumentException($"no ITL deadline is known for model '{m.Model}'");
            _models[m.Model] = totals = new ModelTotals(deadline);
        }
        totals.Samples++;
        totals.BatchSum += m.BatchSize;
        if (m.ActiveReplicas <= 0 || m.BatchSize <= 0 || !double.IsFinite(m.ItlS) || m.ItlS <= 0)
            return;

        double throughput = m.BatchSize / m.ItlS * m.ActiveReplicas;
        totals.ThroughputSum += throughput;
        totals.ItlSum += m.ItlS;
        totals.Valid++;
        _throughputSum += throughput;
        _valid++;
        if (m.ItlS > totals.DeadlineS)
        {
            totals.Misses++;
            _misses++;
        }
    }

    /// <summary>The metrics over every state added so far.</summary>
    public ServiceMetrics Result()
    {
        double perTimestamp = _timestamps > 0 ? 1.0 / _timestamps : 0.0;
        double energyKwh = 0;
        foreach (SiteTotals site in _sites.Values)
        {
            double dtS = SampleStatistics.MedianSpacingS(site.Times, 0.0);
            energyKwh += site.PowerSumW * dtS / 3.6e6;
        }
        var models = _models.Select(kv => new ModelServiceMetrics(
                kv.Key,
                kv.Value.ThroughputSum * perTimestamp,
                kv.Value.Valid > 0 ? kv.Value.ItlSum / kv.Value.Valid : double.NaN,
                kv.Value.Valid > 0 ? (double)kv.Value.Misses / kv.Value.Valid : 0.0,
                kv.Value.Samples > 0 ? kv.Value.BatchSum / kv.Value.Samples : double.NaN,
                kv.Value.Valid))
            .ToImmutableArray();
        return new ServiceMetrics(
            _throughputSum * perTimestamp,
            _valid > 0 ? (double)_misses / _valid : 0.0,
            _valid,
            _powerSumW * perTimestamp / 1000.0,
            energyKwh,
            models);
    }

    private sealed class ModelTotals(double deadlineS)
    {
        public double DeadlineS { get; } = deadlineS;
        public long Samples;
        public long Valid;
        public long Misses;
        public double ThroughputSum;
        public double ItlSum;
        public double BatchSum;
    }

    private sealed class SiteTotals
    {
        public List<long> Times { get; } = new();
        public double PowerSumW;
    }
}
