using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.Der;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;

namespace OpenG2G.Grid.Components;

/// <summary>
/// The <c>opendss</c> grid component: an OpenDSS feeder solved at every grid step with the
/// datacenters' latest powers (when several samples arrive between grid steps, the latest sample
/// of each datacenter is used), PV and external loads from their profiles and batteries at their
/// setpoints. Regulators off, static or timed (tap moves as kernel events after their delays).
/// Reports every bus-phase voltage, taps, source power, losses and attachment powers.
/// </summary>
public sealed partial class OpenDssGrid : IGrid, IVoltageSensitivityProvider, ITapChanger, IGridTopology, IBatteryFleet
{
    private readonly OpenDssGridOptions _options;
    private readonly Feeder _feeder;
    private readonly List<AttachmentSlot> _slots = new();
    private readonly Dictionary<string, AttachmentSlot> _datacenterSlots = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, double> _powerFactorTan = new(StringComparer.OrdinalIgnoreCase);
    private readonly double[] _initialTaps;
    private readonly int[] _initialCapacitorSteps;
    private RunContext? _context;
    private SimTime _lastStep;
    private bool _stepped;

    /// <summary>
    /// Whether grid states carry the bus-phase voltage angles (<see cref="GridState.VoltageAngleDeg"/>;
    /// empty when false). Default true; a run that writes no per-bus table and has no reader of the
    /// angles turns it off, saving an arctangent per bus-phase per step.
    /// </summary>
    public bool ReportsAngles { get; set; } = true;

    /// <summary>
    /// Whether grid states carry the losses (<see cref="GridState.LossesKw"/>; NaN when false), a sum
    /// over every series element's admittance. Default true; a run that writes no grid table turns it off.
    /// </summary>
    public bool ReportsLosses { get; set; } = true;

    /// <summary>Build from options; throws <see cref="InvalidInputException"/> for a bad feeder or attachment.</summary>
    public OpenDssGrid(OpenDssGridOptions options, GridBuildContext context)
    {
        _options = options;
        Name = context.Name;
        Period = context.Period;
        var attachments = new List<AttachedLoad>();
        foreach (var dc in context.Datacenters)
        {
            attachments.Add(AttachedLoad.ThreePhase(dc.Datacenter, dc.Bus, dc.Connection) with
            {
                VminPu = options.DatacenterVminPu, VmaxPu = options.DatacenterVmaxPu, Origin = dc.BusPath, OriginAt = dc.BusAt,
            });
            _powerFactorTan[dc.Datacenter] = Math.Tan(Math.Acos(dc.PowerFactor));
        }
        for (int i = 0; i < options.Loads.Length; i++)
            attachments.Add(AttachedLoad.ThreePhase(options.Loads[i].Name, options.Loads[i].Bus, options.Loads[i].Connection) with { Origin = $"loads[{i}].bus" });
        var ders = options.Pv.Select(AttachedPv).Concat(options.Batteries.Select(AttachedBattery)).ToList();
        _feeder = Feeder.Load(Path.Combine(context.BaseDirectory, options.Feeder), attachments, ders);
        _feeder.Tolerance = options.Tolerance;
        _feeder.MaxIterations = options.MaxIterations;
        var problems = new List<Diagnostic>();
        BuildSlots(options, context, ders, problems);

        foreach (string bus in options.ExcludedBuses)
            if (_feeder.Network.FindBus(bus) is null)
                problems.Add(Diagnostic.Error(SourceLocation.None, "excluded_buses", $"bus '{bus}' is not in the feeder {options.Feeder}"));
        _initialTaps = _feeder.Regulators.Select(r => r.Tap).ToArray();
        _initialCapacitorSteps = _feeder.CapControllers.Select(c => c.Capacitor.StepsInService).ToArray();
        for (int i = 0; i < options.InitialTaps.Length; i++)
        {
            var t = options.InitialTaps[i];
            var reg = _feeder.FindRegulator(t.Regulator);
            if (reg is null)
            {
                problems.Add(Diagnostic.Error(SourceLocation.None, $"initial_taps[{i}].regulator",
                    $"no regulator '{t.Regulator}'; the feeder has {string.Join(", ", _feeder.Regulators.Select(r => r.Name))}"));
                continue;
            }
            double ratio = t.Ratio ?? 1.0 + t.Step!.Value * reg.TapIncrement;
            if (InitialTapProblem(reg, t, ratio) is string problem)
            {
                problems.Add(Diagnostic.Error(SourceLocation.None, $"initial_taps[{i}].{(t.Step is null ? "ratio" : "step")}", problem));
                continue;
            }
            _initialTaps[_feeder.Regulators.IndexOf(reg)] = ratio;
        }
        if (problems.Count > 0)
            throw new InvalidInputException(problems);

        ExcludedBuses = options.ExcludedBuses.Select(b => b.ToLowerInvariant()).ToImmutableHashSet();
        Regulators = _feeder.Regulators.Select(r => new RegulatorInfo(
            r.Name, r.Transformer.Key, r.TapWinding.Bus!.Key, ImmutableArray.CreateRange(r.TapWinding.Bus!.NodesFor(r.Transformer.Phases, r.Transformer.Phases).Where(n => n > 0)),
            r.TapWinding.MinTap, r.TapWinding.MaxTap, r.TapIncrement)).ToImmutableArray();
        Batteries = _slots.Where(s => s.Der is StorageUnit).Select(s =>
        {
            var st = ((StorageUnit)s.Der!).Storage;
            return new BatteryInfo(s.Name, s.Bus, st.KwRated, st.KvaRating, st.KwhRated);
        }).ToImmutableArray();
    }

    /// <summary>A tap outside the regulator's [mintap, maxtap] is refused, as the tap schedule does; it is never clamped.</summary>
    private static string? InitialTapProblem(Control.Regulator reg, InitialTapOptions t, double ratio)
    {
        var w = reg.TapWinding;
        if (ratio >= w.MinTap - 1e-12 && ratio <= w.MaxTap + 1e-12)
            return null;
        string range = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{w.MinTap}, {w.MaxTap}]");
        string steps = reg.TapIncrement > 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (steps {(int)Math.Round((w.MinTap - 1.0) / reg.TapIncrement)} to {(int)Math.Round((w.MaxTap - 1.0) / reg.TapIncrement)})")
            : string.Empty;
        return t.Step is int step
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tap step {step} gives ratio {ratio:0.######}, outside the range of '{reg.Name}' {range}{steps}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ratio {ratio:0.######} is outside the range of '{reg.Name}' {range}{steps}");
    }

    public string Name { get; }
    public TimeSpan Period { get; }

    /// <summary>The underlying feeder (for tools and tests).</summary>
    public Feeder Feeder => _feeder;

    public BusPhaseIndex Nodes => _feeder.Nodes;
    public ImmutableHashSet<string> ExcludedBuses { get; }
    public ImmutableArray<RegulatorInfo> Regulators { get; }
    public ImmutableArray<BatteryInfo> Batteries { get; }

    public string BusOf(string attachment) =>
        _slots.FirstOrDefault(s => s.Name.Equals(attachment, StringComparison.OrdinalIgnoreCase))?.Bus
        ?? throw new ArgumentException($"grid '{Name}' has no attachment named '{attachment}'", nameof(attachment));

    public void Reset(RunContext context)
    {
        _context = context;
        _stepped = false;
        _lastStep = SimTime.Zero;
        for (int i = 0; i < _feeder.Regulators.Length; i++)
        {
            _feeder.SetTap(_feeder.Regulators[i], _initialTaps[i]);
            _feeder.Regulators[i].Armed = false;
        }
        for (int i = 0; i < _feeder.CapControllers.Length; i++)
        {
            _feeder.SetCapacitorSteps(_feeder.CapControllers[i].Capacitor, _initialCapacitorSteps[i]);
            _feeder.CapControllers[i].ResetState();
        }
        if (_options.SourcePu is { } pu)
            _feeder.SetSourcePerUnit(pu);
        _feeder.ResetDers();
        foreach (var s in _slots)
        {
            s.PendingCommand = null;
            if (s.Der is null)
                foreach (int b in s.Branches)
                    _feeder.SetAttachmentPower(b, 0, 0);
        }
        CancelTimedEvents();
        // Timed: regulators and capacitors move as kernel events; InvControls still settle within each solve, as in OpenDSS's time mode.
        _feeder.ControlMode = _options.RegulatorMode switch
        {
            RegulatorMode.Static => ControlMode.Static,
            RegulatorMode.Timed => ControlMode.Timed,
            _ => ControlMode.Off,
        };
        _feeder.ResetSolution();
    }

    public void Start()
    {
    }

    public void Stop() => CancelTimedEvents();
}
