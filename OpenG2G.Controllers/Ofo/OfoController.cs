using System.Collections.Immutable;
using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Ofo;

/// <summary>
/// YAML type <c>ofo</c>: the GPU-to-Grid primal-dual controller (online feedback optimisation of batch
/// sizes), as published. Every step, from the latest grid snapshot and each target's latest state:
/// <list type="number">
/// <item>H per datacenter from the grid's sensitivities, at the first step and then every
/// <see cref="OfoOptions.SensitivityUpdateInterval"/> steps (0 = once);</item>
/// <item>voltage duals per watched bus-phase (excluded buses never carry a dual);</item>
/// <item>latency dual per model from the observed ITL, unchanged when ITL is missing or the model has no replica;</item>
/// <item>a projected gradient step on x = log2(batch) per model, commanding the feasible batch nearest to
/// 2^x when it differs from the batch in force; x itself stays continuous.</item>
/// </list>
/// Undervoltage gives eta &lt; 0 and H &lt; 0 for added load, so the voltage term is positive and lowers
/// batches (power); overvoltage raises them. With several targets each datacenter is optimised
/// independently with its own H, exactly as one published controller per datacenter would be (their
/// voltage duals see the same voltages with the same settings, so they are kept once).
/// </summary>
public sealed class OfoController : ControllerBase
{
    private readonly OfoOptions _options;
    private readonly IVoltageSensitivityProvider _sensitivity;
    private readonly CountedNodes _watched;
    private readonly VoltageDuals _duals;
    private readonly OfoSite[] _sites;
    private readonly List<Command> _commands = new();
    private BusPhaseIndex? _nodes;
    private long _steps;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for invalid options, a target without an attachment or a
    /// model whose fits cannot be normalised; <see cref="InvalidOperationException"/> when a target does not
    /// accept batch sizes or the grid gives no sensitivities or topology.
    /// </summary>
    public OfoController(OfoOptions options, ControllerBuildContext context)
        : base(context.Name, context.Period)
    {
        OptionsGuard.ThrowIfInvalid(options, "ofo");
        if (context.Targets.IsDefaultOrEmpty)
            throw new InvalidOperationException($"controller '{context.Name}' has no target datacenter");
        _options = options;
        _sensitivity = context.Require<IVoltageSensitivityProvider>(context.Grid, "voltage sensitivities");
        IGridTopology topology = context.Require<IGridTopology>(context.Grid, "the feeder's topology (excluded buses)");
        _watched = new CountedNodes(topology.ExcludedBuses);
        _duals = new VoltageDuals(options.VoltageDualStepSize, options.VMinPu, options.VMaxPu);
        _sites = context.Targets
            .Select(d => new OfoSite(options, context.Require<IBatchControllable>(d, "batch-size control"), context.AttachmentOf(d.Name).PowerFactor))
            .ToArray();
    }

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        GridState? grid = inputs.LatestGrid;
        if (grid is null)
            return Array.Empty<Command>();
        int[] watched = _watched.IndicesIn(grid.Nodes);

        bool refresh = _steps == 0 || !ReferenceEquals(grid.Nodes, _nodes)
            || (_options.SensitivityUpdateInterval > 0 && _steps % _options.SensitivityUpdateInterval == 0);
        if (refresh)
        {
            foreach (OfoSite site in _sites)
                site.RefreshSensitivity(_sensitivity, grid.Nodes);
            _nodes = grid.Nodes;
        }

        _duals.Update(grid, watched);
        _commands.Clear();
        foreach (OfoSite site in _sites)
        {
            if (inputs.LatestOf(site.Name) is DatacenterState state)
                site.Step(state, _duals.Eta, watched, _commands);
        }
        _steps++;
        return _commands.Count == 0 ? Array.Empty<Command>() : _commands.ToArray();
    }

    /// <summary>The duals and primal variables learned so far in this run.</summary>
    public OfoSnapshot Snapshot() => new(
        _nodes?.Nodes ?? ImmutableArray<BusPhase>.Empty,
        _duals.Under,
        _duals.Over,
        _sites.Select(s => s.Snapshot()).ToImmutableArray());

    /// <inheritdoc />
    protected override void OnReset()
    {
        _duals.Clear();
        foreach (OfoSite site in _sites)
            site.Reset();
        _nodes = null;
        _steps = 0;
    }
}
