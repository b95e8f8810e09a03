using System.Collections.Immutable;
using OpenG2G.Controllers.Batching;
using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.RuleBased;

/// <summary>
/// YAML type <c>rule-based</c>: the published proportional baseline. From the latest grid snapshot,
/// over the watched (not excluded) bus-phases, u = worst undervoltage depth and o = worst overvoltage
/// height; pressure = u when u &gt; deadband, else -o when o &gt; deadband, else nothing is done. Every
/// model of every target moves x = log2(batch) by -step x pressure (clipped to its feasible range;
/// undervoltage lowers batches, overvoltage raises them); with the latency guard an upward move is
/// cancelled while the model's ITL exceeds its deadline. The feasible batch nearest to 2^x is commanded
/// when it differs from the batch in force; x stays continuous and starts at the batches in force.
/// </summary>
public sealed class RuleBasedController : ControllerBase
{
    private readonly RuleBasedOptions _options;
    private readonly CountedNodes _watched;
    private readonly BatchSite[] _sites;
    private readonly List<Command> _commands = new();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for invalid options; <see cref="InvalidOperationException"/>
    /// when a target does not accept batch sizes or the grid does not describe its topology.
    /// </summary>
    public RuleBasedController(RuleBasedOptions options, ControllerBuildContext context)
        : base(context.Name, context.Period)
    {
        OptionsGuard.ThrowIfInvalid(options, "rule-based");
        if (context.Targets.IsDefaultOrEmpty)
            throw new InvalidOperationException($"controller '{context.Name}' has no target datacenter");
        _options = options;
        IGridTopology topology = context.Require<IGridTopology>(context.Grid, "the feeder's topology (excluded buses)");
        _watched = new CountedNodes(topology.ExcludedBuses);
        _sites = context.Targets.Select(d => new BatchSite(context.Require<IBatchControllable>(d, "batch-size control"))).ToArray();
    }

    /// <summary>The signed pressure of the last step (pu): positive for undervoltage, negative for overvoltage, 0 inside the deadband.</summary>
    public double LastPressurePu { get; private set; }

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        if (inputs.LatestGrid is not GridState grid)
            return Array.Empty<Command>();
        foreach (BatchSite site in _sites)
        {
            if (inputs.LatestOf(site.Name) is DatacenterState state)
                site.StartFrom(state);
        }
        LastPressurePu = Pressure(grid);
        if (LastPressurePu == 0.0)
            return Array.Empty<Command>();

        double delta = -_options.StepSizePerPu * LastPressurePu;
        _commands.Clear();
        foreach (BatchSite site in _sites)
        {
            if (inputs.LatestOf(site.Name) is not DatacenterState state)
                continue;
            for (int i = 0; i < site.Models.Length; i++)
            {
                ModelState observed = site.Observed(state, i);
                bool guarded = _options.LatencyGuard && delta > 0
                    && double.IsFinite(observed.ItlS) && observed.ItlS > site.Models[i].ItlDeadlineS;
                if (!guarded)
                    site.Log2Batch[i] = site.Batches[i].Clip(site.Log2Batch[i] + delta);
                site.CommandIfChanged(i, observed, _commands);
            }
        }
        return _commands.Count == 0 ? Array.Empty<Command>() : _commands.ToArray();
    }

    /// <inheritdoc />
    protected override void OnReset()
    {
        foreach (BatchSite site in _sites)
            site.Reset();
        LastPressurePu = 0.0;
    }

    private double Pressure(GridState grid)
    {
        double under = 0.0, over = 0.0;
        ImmutableArray<double> v = grid.VoltagePu;
        foreach (int i in _watched.IndicesIn(grid.Nodes))
        {
            double x = v[i];
            if (x < _options.VMinPu)
                under = Math.Max(under, _options.VMinPu - x);
            else if (x > _options.VMaxPu)
                over = Math.Max(over, x - _options.VMaxPu);
        }
        if (under > _options.DeadbandPu)
            return under;
        return over > _options.DeadbandPu ? -over : 0.0;
    }
}
