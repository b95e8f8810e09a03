using System.Collections.Immutable;
using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.StorageDroop;

/// <summary>
/// YAML type <c>storage-droop</c>: local voltage droop for batteries, as published. For each battery,
/// v = the lowest phase voltage of its bus over the grid snapshots since the previous step (the latest
/// snapshot when none is new); e = v_ref - v; output = 0 while |e| &lt;= deadband, else
/// gain sign(e) (|e| - deadband) with gain = limit / (full-output error - deadband), clipped to +-limit.
/// A positive output supports the voltage: in P-V mode the battery discharges, in Q-V mode it injects
/// reactive power, i.e. <see cref="SetBatteryPower"/> carries the negated output (its sign convention is
/// that of a load). Power in the command is the battery's total over its phases. A command is sent when
/// a battery's output changes.
/// </summary>
public sealed class StorageDroopController : ControllerBase
{
    private readonly StorageDroopOptions _options;
    private readonly string _grid;
    private readonly BatteryInfo[] _batteries;
    private readonly double[] _limit;
    private readonly double[] _gainPerPu;
    private readonly double[] _lastOutput;
    private readonly List<Command> _commands = new();
    private BusPhaseIndex? _indexed;
    private int[][] _busNodes = Array.Empty<int[]>();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for invalid options, an unknown battery, a feeder without
    /// batteries or a battery without a positive rating; <see cref="InvalidOperationException"/> when the grid
    /// has no batteries to command.
    /// </summary>
    public StorageDroopController(StorageDroopOptions options, ControllerBuildContext context)
        : base(context.Name, context.Period)
    {
        OptionsGuard.ThrowIfInvalid(options, "storage-droop");
        _options = options;
        _grid = context.Grid.Name;
        IBatteryFleet fleet = context.Require<IBatteryFleet>(context.Grid, "batteries that accept power commands");
        _batteries = Select(fleet.Batteries, options.Batteries);
        _limit = new double[_batteries.Length];
        _gainPerPu = new double[_batteries.Length];
        for (int i = 0; i < _batteries.Length; i++)
        {
            BatteryInfo b = _batteries[i];
            double rating = options.Mode == StorageDroopMode.Qv ? b.RatedApparentPowerKva : b.RatedPowerKw;
            if (!(rating > 0) || !double.IsFinite(rating))
            {
                string what = options.Mode == StorageDroopMode.Qv ? "apparent power rating" : "power rating";
                throw OptionsGuard.Invalid("batteries", $"battery '{b.Name}' has {what} {rating}; droop needs a positive rating");
            }
            _limit[i] = rating * options.OutputLimitFraction;
            _gainPerPu[i] = _limit[i] / (options.FullOutputErrorPu - options.DeadbandPu);
        }
        _lastOutput = new double[_batteries.Length];
        OnReset();
    }

    /// <summary>The droop output of each controlled battery at the last step (kW in P-V, kvar in Q-V; positive supports voltage).</summary>
    public IReadOnlyList<double> LastOutput => _lastOutput;

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        ImmutableArray<GridState> window = inputs.GridStates;
        if (window.IsDefaultOrEmpty)
        {
            if (inputs.LatestGrid is not GridState latest)
                return Array.Empty<Command>();
            window = ImmutableArray.Create(latest);
        }
        _commands.Clear();
        for (int i = 0; i < _batteries.Length; i++)
        {
            double output = Droop(i, LocalVoltage(i, window));
            if (double.IsNaN(_lastOutput[i]) || Math.Abs(output - _lastOutput[i]) > 1e-9)
            {
                _lastOutput[i] = output;
                _commands.Add(_options.Mode == StorageDroopMode.Qv
                    ? new SetBatteryPower(_grid, _batteries[i].Name, 0.0, -output)
                    : new SetBatteryPower(_grid, _batteries[i].Name, -output, 0.0));
            }
        }
        return _commands.Count == 0 ? Array.Empty<Command>() : _commands.ToArray();
    }

    /// <inheritdoc />
    protected override void OnReset() => Array.Fill(_lastOutput, double.NaN);

    private double Droop(int battery, double voltagePu)
    {
        double error = _options.VRefPu - voltagePu;
        double magnitude = Math.Abs(error);
        if (magnitude <= _options.DeadbandPu)
            return 0.0;
        double output = _gainPerPu[battery] * Math.CopySign(magnitude - _options.DeadbandPu, error);
        return Math.Clamp(output, -_limit[battery], _limit[battery]);
    }

    /// <summary>Lowest phase voltage of the battery's bus over the window.</summary>
    private double LocalVoltage(int battery, ImmutableArray<GridState> window)
    {
        double min = double.PositiveInfinity;
        foreach (GridState g in window)
        {
            foreach (int n in NodesOf(battery, g.Nodes))
            {
                double v = g.VoltagePu[n];
                if (v < min)
                    min = v;
            }
        }
        if (double.IsPositiveInfinity(min))
            throw new InvalidOperationException($"battery '{_batteries[battery].Name}' connects to bus '{_batteries[battery].Bus}', for which the grid reports no voltage");
        return min;
    }

    private int[] NodesOf(int battery, BusPhaseIndex nodes)
    {
        if (!ReferenceEquals(nodes, _indexed))
        {
            _busNodes = _batteries.Select(b =>
            {
                string bus = b.Bus.ToLowerInvariant();
                return Enumerable.Range(0, nodes.Count).Where(i => nodes.Nodes[i].Bus == bus).ToArray();
            }).ToArray();
            _indexed = nodes;
        }
        return _busNodes[battery];
    }

    private static BatteryInfo[] Select(ImmutableArray<BatteryInfo> fleet, IReadOnlyList<string> names)
    {
        if (fleet.IsDefaultOrEmpty)
            throw OptionsGuard.Invalid("batteries", "the feeder has no battery to control");
        if (names.Count == 0)
            return fleet.ToArray();
        var chosen = new BatteryInfo[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            chosen[i] = fleet.FirstOrDefault(b => string.Equals(b.Name, names[i], StringComparison.OrdinalIgnoreCase))
                ?? throw OptionsGuard.Invalid($"batteries[{i}]",
                    $"the feeder has no battery '{names[i]}' (batteries: {OptionsGuard.List(fleet.Select(b => b.Name))})");
        }
        return chosen;
    }
}
