using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Pid;

/// <summary>
/// YAML type <c>pid</c>: a PID loop on a voltage signal whose output is a power adjustment of one
/// datacenter, realised through its fitted curves as a common log2(batch) shift of every model, or as a
/// common GPU power cap of its training jobs through their measured power-cap responses. Each step reads the latest grid snapshot and the datacenter's latest state;
/// e = signal - setpoint, so undervoltage sheds power and overvoltage adds it. The output is limited to
/// the options' limits and to what the actuator can reach with the replicas in service, and the integral
/// does not wind up against either. Acts on exactly one datacenter (declare one pid per site).
/// </summary>
public sealed class PidController : ControllerBase
{
    private readonly PidOptions _options;
    private readonly string _datacenter;
    private readonly VoltageSignal _signal;
    private readonly PidLoop _loop;
    private readonly IPowerActuator _actuator;
    private readonly List<Command> _commands = new();
    private SimTime? _lastStep;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for invalid options, a number of targets other than one, an
    /// unknown bus or an uncappable workload; <see cref="InvalidOperationException"/> when the datacenter
    /// or grid lacks a needed capability.
    /// </summary>
    public PidController(PidOptions options, ControllerBuildContext context)
        : base(context.Name, context.Period)
    {
        OptionsGuard.ThrowIfInvalid(options, "pid");
        if (context.Targets.Length != 1)
        {
            throw OptionsGuard.Invalid("targets",
                $"a pid acts on exactly one datacenter, got {context.Targets.Length} ({OptionsGuard.List(context.Targets.Select(t => t.Name))}); declare one pid per datacenter");
        }
        _options = options;
        IDatacenter target = context.Targets[0];
        _datacenter = target.Name;
        _signal = new VoltageSignal(options, context.Require<IGridTopology>(context.Grid, "the feeder's topology"));
        _loop = new PidLoop(options.KpKwPerPu, options.KiKwPerPuS, options.KdKwSPerPu, options.DerivativeFilterS, options.DeadbandPu);
        var served = context.Require<IBatchControllable>(target, "the served models and their fitted power curves");
        _actuator = options.Actuator == PidActuator.BatchSize
            ? new BatchPowerActuator(served)
            : new CapPowerActuator(context.Require<IPowerCappable>(target, "GPU power capping"), served, options.Workloads, options.CapResolutionW);
    }

    /// <summary>The regulated voltage at the last step (pu; NaN before the first).</summary>
    public double LastSignalPu { get; private set; } = double.NaN;

    /// <summary>The power adjustment decided at the last step (kW from the reference).</summary>
    public double LastOutputKw { get; private set; }

    /// <summary>The integral term (kW).</summary>
    public double IntegralKw => _loop.IntegralKw;

    /// <summary>The reachable output range at the last step after the options' limits (kW).</summary>
    public (double LowKw, double HighKw) LastRangeKw { get; private set; }

    internal IPowerActuator Actuator => _actuator;

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        if (inputs.LatestGrid is not GridState grid || inputs.LatestOf(_datacenter) is not DatacenterState state)
            return Array.Empty<Command>();
        double signal = _signal.Measure(grid);
        if (double.IsNaN(signal))
            return Array.Empty<Command>();
        double dtS = _lastStep is SimTime last ? (now - last).TotalSeconds : Period.TotalSeconds;
        _lastStep = now;

        _actuator.Observe(state);
        LastRangeKw = Range();
        LastSignalPu = signal;
        LastOutputKw = _loop.Update(signal, _options.ResolvedSetpointPu(), dtS, LastRangeKw.LowKw, LastRangeKw.HighKw);

        _commands.Clear();
        _actuator.Apply(LastOutputKw, state, _commands);
        return _commands.Count == 0 ? Array.Empty<Command>() : _commands.ToArray();
    }

    /// <inheritdoc />
    protected override void OnReset()
    {
        _loop.Reset();
        _actuator.Reset();
        _lastStep = null;
        LastSignalPu = double.NaN;
        LastOutputKw = 0;
        LastRangeKw = default;
    }

    /// <summary>The options' limits intersected with what the actuator can reach; an empty intersection collapses to the reachable end nearest the limits.</summary>
    private (double, double) Range()
    {
        double optionLow = _options.ResolvedOutputMinKw(), optionHigh = _options.ResolvedOutputMaxKw();
        double low = Math.Max(optionLow, _actuator.LowKw);
        double high = Math.Min(optionHigh, _actuator.HighKw);
        if (low > high)
        {
            if (optionHigh < _actuator.LowKw)
                high = low;
            else
                low = high;
        }
        return (low, high);
    }
}
