using System.Globalization;
using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.LoadShift;

/// <summary>
/// YAML type <c>load-shift</c>: moves replicas between sites when batch control is exhausted, as
/// published. Each step, from the latest grid snapshot, for every target site in declaration order:
/// <list type="bullet">
/// <item>undervoltage at its bus (lowest phase below v_min) with every active model at its smallest batch:
/// move a block of replicas of a model both sites serve to the sharing site with the highest bus voltage
/// that has room for them;</item>
/// <item>overvoltage (highest phase above v_max) with every active model at its largest batch and room at
/// the site: bring a block of a shared model from the sharing site with the lowest bus voltage.</item>
/// </list>
/// The block is max(1, gpus_per_shift / GPUs per replica) replicas of the shared model with the most GPUs
/// per replica (the largest power per move). One refinement over the published rule: a site that is
/// itself violating in the same direction is never chosen as the other end. A shift is two
/// <see cref="AdjustReplicas"/> commands (remove at one site, add at the other) and an event.
/// </summary>
public sealed class LoadShiftController : ControllerBase
{
    private readonly LoadShiftOptions _options;
    private readonly ShiftSite[] _sites;
    private readonly List<Command> _commands = new();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for invalid options, fewer than two targets or a site whose bus
    /// the feeder does not report; <see cref="InvalidOperationException"/> when a site cannot shift replicas
    /// or report its models.
    /// </summary>
    public LoadShiftController(LoadShiftOptions options, ControllerBuildContext context)
        : base(context.Name, context.Period)
    {
        OptionsGuard.ThrowIfInvalid(options, "load-shift");
        if (context.Targets.IsDefaultOrEmpty || context.Targets.Length < 2)
        {
            int n = context.Targets.IsDefault ? 0 : context.Targets.Length;
            throw OptionsGuard.Invalid("targets",
                $"load-shift moves replicas between at least two datacenters, got {n} ({OptionsGuard.List(context.Targets.IsDefault ? Array.Empty<string>() : context.Targets.Select(t => t.Name))})");
        }
        _options = options;
        IGridTopology topology = context.Require<IGridTopology>(context.Grid, "the feeder's topology");
        _sites = new ShiftSite[context.Targets.Length];
        for (int i = 0; i < _sites.Length; i++)
        {
            IDatacenter d = context.Targets[i];
            string bus = context.AttachmentOf(d.Name).Bus;
            if (!topology.Nodes.Nodes.Any(n => string.Equals(n.Bus, bus, StringComparison.OrdinalIgnoreCase)))
                throw OptionsGuard.Invalid("targets", $"'{d.Name}' attaches at bus '{bus}', which the feeder does not report");
            _sites[i] = new ShiftSite(
                context.Require<IReplicaShiftable>(d, "replica shifting"),
                context.Require<IBatchControllable>(d, "its served models and batch sizes"),
                bus, i);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        if (inputs.LatestGrid is not GridState grid)
            return Array.Empty<Command>();
        foreach (ShiftSite s in _sites)
            s.Observe(grid);
        _commands.Clear();
        foreach (ShiftSite site in _sites)
        {
            if (inputs.LatestOf(site.Name) is not DatacenterState state)
                continue;
            if (site.MinPu < _options.VMinPu && site.BatchesSaturated(state, atSmallest: true))
                TryShift(now, from: site, toward: null);
            else if (site.MaxPu > _options.VMaxPu && site.BatchesSaturated(state, atSmallest: false))
                TryShift(now, from: null, toward: site);
        }
        return _commands.Count == 0 ? Array.Empty<Command>() : _commands.ToArray();
    }

    /// <inheritdoc />
    protected override void OnReset()
    {
    }

    /// <summary>Shift away from an undervoltage site (<paramref name="from"/> set) or toward an overvoltage site (<paramref name="toward"/> set).</summary>
    private void TryShift(SimTime now, ShiftSite? from, ShiftSite? toward)
    {
        ShiftSite violated = from ?? toward!;
        ShiftSite? bestOther = null;
        string? bestModel = null;
        foreach (ShiftSite other in _sites)
        {
            if (ReferenceEquals(other, violated) || !IsAcceptableOtherEnd(other, from is not null))
                continue;
            string? model = from is not null ? MovableModel(from, other) : MovableModel(other, toward!);
            if (model is null)
                continue;
            bool better = bestOther is null || (from is not null ? other.MinPu > bestOther.MinPu : other.MaxPu < bestOther.MaxPu);
            if (better)
            {
                bestOther = other;
                bestModel = model;
            }
        }
        if (bestOther is null)
            return;
        ShiftSite source = from ?? bestOther;
        ShiftSite destination = toward ?? bestOther;
        int replicas = BlockOf(bestModel!, source);
        source.Plan(bestModel!, -replicas);
        destination.Plan(bestModel!, replicas);
        _commands.Add(new AdjustReplicas(source.Name, bestModel!, -replicas));
        _commands.Add(new AdjustReplicas(destination.Name, bestModel!, replicas));
        string why = from is not null
            ? $"undervoltage at '{violated.Name}' (bus {violated.Bus} min {Format(violated.MinPu)} pu) with every batch at its smallest"
            : $"overvoltage at '{violated.Name}' (bus {violated.Bus} max {Format(violated.MaxPu)} pu) with every batch at its largest";
        Emit(now, "controller.load_shift", $"{why}: moved {replicas} replicas of '{bestModel}' from '{source.Name}' to '{destination.Name}'");
    }

    /// <summary>The other end must not violate the same limit itself: moving load there only moves the problem.</summary>
    private bool IsAcceptableOtherEnd(ShiftSite other, bool undervoltage) =>
        undervoltage ? !(other.MinPu < _options.VMinPu) : !(other.MaxPu > _options.VMaxPu);

    /// <summary>The shared model with the most GPUs per replica that <paramref name="source"/> can give and <paramref name="destination"/> can take.</summary>
    private string? MovableModel(ShiftSite source, ShiftSite destination)
    {
        string? best = null;
        int bestGpus = 0;
        foreach (string model in source.Models)
        {
            if (!destination.Serves(model))
                continue;
            int gpus = source.Shiftable.GpusPerReplica(model);
            int replicas = BlockOf(model, source);
            bool fits = source.Replicas(model) >= replicas && destination.FreeGpus >= replicas * destination.Shiftable.GpusPerReplica(model);
            if (fits && gpus > bestGpus)
            {
                best = model;
                bestGpus = gpus;
            }
        }
        return best;
    }

    private int BlockOf(string model, ShiftSite source) => Math.Max(1, _options.GpusPerShift / source.Shiftable.GpusPerReplica(model));

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
