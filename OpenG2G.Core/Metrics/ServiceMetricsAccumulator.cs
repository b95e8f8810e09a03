using System.Collections.Immutable;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;

namespace OpenG2G.Core.Metrics;

/// <summary>
/// Streams datacenter states into <see cref="ServiceMetrics"/>.
/// <list type="bullet">
/// <item>Time means (throughput, power) are taken per site over its states and summed over sites; energies are
/// each state's value times its site's median step spacing.</item>
/// <item>Mean throughput is the time mean of <see cref="ModelState.ThroughputTokensPerS"/>, the throughput the
/// datacenter reports from its performance data. The nominal throughput keeps the published OpenG2G
/// definition: a (state, model) sample is valid when replicas &gt; 0 and ITL is finite and positive, its
/// throughput batch / ITL x replicas, summed over states and divided by the number of distinct timestamps.</item>
/// <item>Energy per token is GPU energy of the replicas (<see cref="ModelState.PowerW"/>) over the tokens reported.</item>
/// <item>Deadline misses: valid samples with ITL strictly above the model's deadline, over all valid samples; ITL
/// percentiles over the valid samples (linear interpolation between order statistics).</item>
/// </list>
/// Keeps per site one tick per state and per model its valid ITL samples.
/// </summary>
public sealed partial class ServiceMetricsAccumulator : ISimulationObserver
{
    private readonly IReadOnlyDictionary<string, double> _deadlinesS;
    private readonly SortedDictionary<string, ModelTotals> _models = new(StringComparer.Ordinal);
    private readonly List<SiteTotals> _sites = new();
    private readonly Dictionary<string, SiteTotals> _sitesByName = new(StringComparer.Ordinal);
    private long _lastTicks = long.MinValue;
    private long _timestamps;
    private double _nominalSum;
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

        SiteTotals site = SiteOf(state);
        site.Times.Add(t);
        site.PowerSumW += state.PowerW.Total;
        site.TrainingPowerSumW += state.TrainingPowerW;
        ImmutableArray<ModelState> models = state.Models;
        for (int i = 0; i < models.Length; i++)
            AddModel(site.ModelAt(i, models[i].Model, this), models[i], site);
    }

    private SiteTotals SiteOf(DatacenterState state)
    {
        if (!_sitesByName.TryGetValue(state.Datacenter, out SiteTotals? site))
        {
            site = new SiteTotals();
            _sitesByName[state.Datacenter] = site;
            _sites.Add(site);
        }
        return site;
    }

    private ModelTotals ModelTotalsOf(string model)
    {
        if (!_models.TryGetValue(model, out ModelTotals? totals))
        {
            if (!_deadlinesS.TryGetValue(model, out double deadline))
                throw new ArgumentException($"no ITL deadline is known for model '{model}'");
            _models[model] = totals = new ModelTotals(deadline);
        }
        return totals;
    }

    private void AddModel(SiteModel slot, ModelState m, SiteTotals site)
    {
        ModelTotals totals = slot.Totals;
        totals.Samples++;
        totals.BatchSum += m.BatchSize;
        slot.ThroughputSum += m.ThroughputTokensPerS;
        slot.PowerSumW += m.PowerW;
        site.InferencePowerSumW += m.PowerW;
        if (m.ActiveReplicas > 0)
            totals.SourceCounts[(int)m.ThroughputSource]++;
        if (m.ActiveReplicas <= 0 || m.BatchSize <= 0 || !double.IsFinite(m.ItlS) || m.ItlS <= 0)
            return;

        double nominal = m.BatchSize / m.ItlS * m.ActiveReplicas;
        totals.NominalSum += nominal;
        totals.ItlSum += m.ItlS;
        totals.ItlSamples.Add(m.ItlS);
        totals.Valid++;
        _nominalSum += nominal;
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
        double meanPowerW = 0, energyJ = 0, inferenceMeanW = 0, inferenceJ = 0, trainingMeanW = 0, trainingJ = 0, tokens = 0;
        var sums = new Dictionary<ModelTotals, SiteSums>();
        foreach (SiteTotals site in _sites)
        {
            double dtS = SampleStatistics.MedianSpacingS(site.Times, 0.0);
            double perState = 1.0 / site.Times.Count;
            meanPowerW += site.PowerSumW * perState;
            energyJ += site.PowerSumW * dtS;
            inferenceMeanW += site.InferencePowerSumW * perState;
            inferenceJ += site.InferencePowerSumW * dtS;
            trainingMeanW += site.TrainingPowerSumW * perState;
            trainingJ += site.TrainingPowerSumW * dtS;
            foreach (SiteModel slot in site.Models)
            {
                sums.TryGetValue(slot.Totals, out SiteSums m);
                sums[slot.Totals] = new SiteSums(
                    m.MeanThroughput + slot.ThroughputSum * perState, m.Tokens + slot.ThroughputSum * dtS,
                    m.MeanPowerW + slot.PowerSumW * perState, m.EnergyJ + slot.PowerSumW * dtS);
                tokens += slot.ThroughputSum * dtS;
            }
        }
        var models = _models.Select(kv => kv.Value.Result(kv.Key, perTimestamp, sums.GetValueOrDefault(kv.Value))).ToImmutableArray();
        return new ServiceMetrics(
            models.Sum(x => x.MeanThroughputTokensPerS),
            _nominalSum * perTimestamp,
            tokens > 0 ? inferenceJ / tokens : double.NaN,
            _valid > 0 ? (double)_misses / _valid : 0.0,
            _valid,
            meanPowerW / 1000.0,
            energyJ / 3.6e6,
            inferenceMeanW / 1000.0,
            inferenceJ / 3.6e6,
            trainingMeanW / 1000.0,
            trainingJ / 3.6e6,
            models);
    }

    private sealed class SiteTotals
    {
        public List<long> Times { get; } = new();

        public List<SiteModel> Models { get; } = new();

        public double PowerSumW;
        public double InferencePowerSumW;
        public double TrainingPowerSumW;

        /// <summary>The slot of the model at position <paramref name="i"/> of this site's states (sites list their models in a fixed order).</summary>
        public SiteModel ModelAt(int i, string model, ServiceMetricsAccumulator owner)
        {
            if (i < Models.Count && string.Equals(Models[i].Label, model, StringComparison.Ordinal))
                return Models[i];
            foreach (SiteModel s in Models)
            {
                if (string.Equals(s.Label, model, StringComparison.Ordinal))
                    return s;
            }
            var slot = new SiteModel(model, owner.ModelTotalsOf(model));
            Models.Add(slot);
            return slot;
        }
    }

    private sealed class SiteModel(string label, ModelTotals totals)
    {
        public string Label { get; } = label;

        public ModelTotals Totals { get; } = totals;

        public double ThroughputSum;
        public double PowerSumW;
    }
}
