using System.Collections.Immutable;
using OpenG2G.Core.Components;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// Builds the observation vector from what a controller step is given, and names and bounds each
/// dimension. Layout: the latest voltage of every counted bus-phase (<c>v:bus.phase</c>, when
/// <see cref="ObservationOptions.BusVoltages"/>); four voltage summaries over the control period's grid
/// snapshots (lowest and highest counted voltage, and in the latest snapshot the summed violation depth
/// and the fraction of counted bus-phases outside the band); per target datacenter its mean power over
/// the period in MW; per model its batch position in its feasible list (0 smallest, 1 largest), mean
/// ITL over deadline (capped), active replicas over those at the first step, and the last index move.
/// A pure function of the inputs and of what the controller remembers, so the environment can read it
/// before the step that acts on it.
/// </summary>
internal sealed class RlObservation
{
    private readonly ObservationOptions _options;
    private readonly CountedNodes _counted;
    private readonly int[] _voltageNodes;
    private readonly string[] _sites;
    private readonly RlModel[] _models;

    public RlObservation(ObservationOptions options, CountedNodes counted, BusPhaseIndex nodes, IReadOnlyList<string> sites, IReadOnlyList<RlModel> models)
    {
        _options = options;
        _counted = counted;
        _voltageNodes = counted.IndicesIn(nodes);
        _sites = sites.ToArray();
        _models = models.ToArray();
        Space = Describe(nodes);
    }

    public BoxSpace Space { get; }

    private BoxSpace Describe(BusPhaseIndex nodes)
    {
        var names = new List<string>();
        var low = new List<float>();
        var high = new List<float>();
        void Add(string name, float lo, float hi)
        {
            names.Add(name);
            low.Add(lo);
            high.Add(hi);
        }
        if (_options.BusVoltages)
        {
            foreach (int i in _voltageNodes)
                Add("v:" + nodes.Nodes[i], 0f, 2f);
        }
        Add("period_min_voltage_pu", 0f, 2f);
        Add("period_max_voltage_pu", 0f, 2f);
        Add("violation_sum_pu", 0f, float.PositiveInfinity);
        Add("violating_fraction", 0f, 1f);
        foreach (string site in _sites)
            Add(site + "/power_mw", 0f, float.PositiveInfinity);
        foreach (RlModel m in _models)
        {
            Add(m.Key + "/batch_position", 0f, 1f);
            Add(m.Key + "/itl_over_deadline", 0f, (float)_options.ItlRatioCap);
            Add(m.Key + "/replica_fraction", 0f, float.PositiveInfinity);
            Add(m.Key + "/last_move", -1f, 1f);
        }
        return new BoxSpace(names.ToImmutableArray(), low.ToImmutableArray(), high.ToImmutableArray());
    }

    /// <summary>Write the observation of <paramref name="inputs"/> into <paramref name="observation"/> (length <see cref="BoxSpace.Size"/>).</summary>
    public void Fill(ControllerInputs inputs, Span<float> observation)
    {
        if (observation.Length != Space.Size)
            throw new ArgumentException($"the observation has {Space.Size} values, got a buffer of {observation.Length}", nameof(observation));
        int k = 0;
        GridState? latest = inputs.LatestGrid;
        if (_options.BusVoltages)
        {
            foreach (int i in _voltageNodes)
                observation[k++] = latest is null ? 1f : (float)latest.VoltagePu[i];
        }
        k = FillSummary(inputs, latest, observation, k);
        foreach (string site in _sites)
            observation[k++] = (float)MeanPowerMw(inputs, site);
        foreach (RlModel m in _models)
            k = FillModel(inputs, m, observation, k);
    }

    private int FillSummary(ControllerInputs inputs, GridState? latest, Span<float> observation, int k)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        ImmutableArray<GridState> states = inputs.GridStates;
        for (int s = 0; s < states.Length; s++)
            Extend(states[s], ref min, ref max);
        if (states.IsEmpty && latest is not null)
            Extend(latest, ref min, ref max);
        double sum = 0;
        int violating = 0, counted = 0;
        if (latest is not null)
        {
            foreach (int i in _counted.IndicesIn(latest.Nodes))
            {
                double v = latest.VoltagePu[i];
                if (double.IsNaN(v))
                    continue;
                counted++;
                double depth = v < _options.VMinPu ? _options.VMinPu - v : v > _options.VMaxPu ? v - _options.VMaxPu : 0.0;
                sum += depth;
                if (depth > 0)
                    violating++;
            }
        }
        observation[k++] = double.IsInfinity(min) ? 1f : (float)min;
        observation[k++] = double.IsInfinity(max) ? 1f : (float)max;
        observation[k++] = (float)sum;
        observation[k++] = counted == 0 ? 0f : violating / (float)counted;
        return k;
    }

    private void Extend(GridState state, ref double min, ref double max)
    {
        (double lo, double hi) = _counted.Extremes(state);
        if (double.IsNaN(lo))
            return;
        min = Math.Min(min, lo);
        max = Math.Max(max, hi);
    }

    private static double MeanPowerMw(ControllerInputs inputs, string site)
    {
        double sum = 0;
        int n = 0;
        foreach (DatacenterState s in inputs.DatacenterStates)
        {
            if (s.Datacenter != site)
                continue;
            sum += s.PowerW.Total;
            n++;
        }
        if (n > 0)
            return sum / n / 1e6;
        return inputs.LatestOf(site) is DatacenterState latest ? latest.PowerW.Total / 1e6 : 0.0;
    }

    private int FillModel(ControllerInputs inputs, RlModel m, Span<float> observation, int k)
    {
        DatacenterState? latest = inputs.LatestOf(m.Site);
        ModelState? now = latest is null ? null : m.Observed(latest);
        int last = m.Sizes.Length - 1;
        observation[k++] = now is null || last == 0 ? 0f : m.NearestIndex(now.Value.BatchSize) / (float)last;
        observation[k++] = (float)ItlRatio(inputs, m);
        int reference = m.ReferenceReplicas >= 0 ? m.ReferenceReplicas : now?.ActiveReplicas ?? 0;
        observation[k++] = now is null || reference <= 0 ? 0f : now.Value.ActiveReplicas / (float)reference;
        observation[k++] = m.LastMove;
        return k;
    }

    private double ItlRatio(ControllerInputs inputs, RlModel m)
    {
        double sum = 0;
        int n = 0;
        foreach (DatacenterState s in inputs.DatacenterStates)
        {
            if (s.Datacenter != m.Site)
                continue;
            ModelState x = m.Observed(s);
            if (x.ActiveReplicas > 0 && double.IsFinite(x.ItlS) && x.ItlS > 0)
            {
                sum += x.ItlS;
                n++;
            }
        }
        return n == 0 ? 0.0 : Math.Min(sum / n / m.ItlDeadlineS, _options.ItlRatioCap);
    }
}
