using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Pid;

/// <summary>
/// Options of the <c>pid</c> controller. The error is e = signal - setpoint in pu; the output is a
/// datacenter power adjustment in kW from a reference (the batches at the first step, or uncapped),
/// u = kp e + integral of ki e dt + derivative term, so a voltage below the setpoint sheds power and one
/// above it adds power. Gains depend on the feeder's sensitivity G (pu per kW of datacenter power): the
/// defaults give loop gains kp G and ki G dt of about 0.05-0.15 for G = 1e-5 to 3e-5 pu/kW at a 1 s
/// period, slow enough that batch quantisation causes few switches.
/// </summary>
public sealed record PidOptions : IValidatable
{
    /// <summary>Default setpoint of the minimum-type signals (minimum, bus, zone), pu.</summary>
    public const double DefaultMinimumSetpointPu = 0.955;

    /// <summary>Default setpoint of the maximum signal, pu.</summary>
    public const double DefaultMaximumSetpointPu = 1.045;

    /// <summary>Regulated voltage. Default <see cref="PidSignal.Minimum"/>.</summary>
    public PidSignal Signal { get; init; } = PidSignal.Minimum;

    /// <summary>The bus whose lowest phase voltage is regulated; required with signal <c>bus</c>, not allowed otherwise.</summary>
    public string? Bus { get; init; }

    /// <summary>The buses whose lowest voltage is regulated; required with signal <c>zone</c>, not allowed otherwise.</summary>
    public IReadOnlyList<string> ZoneBuses { get; init; } = Array.Empty<string>();

    /// <summary>Setpoint in pu. Default (null): 0.955 for minimum, bus and zone; 1.045 for maximum.</summary>
    public double? SetpointPu { get; init; }

    /// <summary>Errors up to this size (pu) count as zero; larger errors are reduced by it. Default 0.001.</summary>
    public double DeadbandPu { get; init; } = 0.001;

    /// <summary>Proportional gain, kW per pu. Default 5000.</summary>
    public double KpKwPerPu { get; init; } = 5_000;

    /// <summary>Integral gain, kW per pu per second. Default 5000.</summary>
    public double KiKwPerPuS { get; init; } = 5_000;

    /// <summary>Derivative gain on the measurement, kW·s per pu. Default 0 (off).</summary>
    public double KdKwSPerPu { get; init; }

    /// <summary>Time constant of the first-order filter on the derivative term, seconds (0 = unfiltered). Default 2.</summary>
    public double DerivativeFilterS { get; init; } = 2.0;

    /// <summary>
    /// Lowest output in kW. Default (null): unlimited (only the actuator's range) for minimum-type signals,
    /// 0 for maximum (a maximum-signal PID only adds power).
    /// </summary>
    public double? OutputMinKw { get; init; }

    /// <summary>
    /// Highest output in kW. Default (null): 0 for minimum-type signals (never above the reference),
    /// unlimited for maximum.
    /// </summary>
    public double? OutputMaxKw { get; init; }

    /// <summary>How the output is applied. Default <see cref="PidActuator.BatchSize"/>.</summary>
    public PidActuator Actuator { get; init; } = PidActuator.BatchSize;

    /// <summary>With actuator <c>power_cap</c>: the training jobs to cap (jobs with a measured power-cap response; inference models cannot be capped, no measured data exists). Default (empty): every cappable training job of the site.</summary>
    public IReadOnlyList<string> Workloads { get; init; } = Array.Empty<string>();

    /// <summary>With actuator <c>power_cap</c>: caps are rounded to multiples of this, watts (0 = no rounding). Default 1.</summary>
    public double CapResolutionW { get; init; } = 1.0;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        ValidateSignal(p);
        if (SetpointPu is double sp)
            p.Positive("setpoint_pu", sp);
        p.NonNegative("deadband_pu", DeadbandPu);
        bool gains = p.NonNegative("kp_kw_per_pu", KpKwPerPu) & p.NonNegative("ki_kw_per_pu_s", KiKwPerPuS);
        if (gains && KpKwPerPu == 0 && KiKwPerPuS == 0)
            p.Add("kp_kw_per_pu", "kp_kw_per_pu or ki_kw_per_pu_s must be > 0 (with both zero the controller never acts)");
        p.NonNegative("kd_kw_s_per_pu", KdKwSPerPu);
        p.NonNegative("derivative_filter_s", DerivativeFilterS);
        bool limits = true;
        if (OutputMinKw is double min)
            limits &= p.Finite("output_min_kw", min);
        if (OutputMaxKw is double max)
            limits &= p.Finite("output_max_kw", max);
        if (limits && ResolvedOutputMinKw() > ResolvedOutputMaxKw())
        {
            p.Add("output_max_kw", $"must be >= output_min_kw ({ProblemList.Format(ResolvedOutputMinKw())}), got {ProblemList.Format(ResolvedOutputMaxKw())}" +
                (OutputMaxKw is null ? $" (the default for signal {Signal.ToString().ToLowerInvariant()})" : string.Empty));
        }
        if (Actuator == PidActuator.PowerCap)
        {
            for (int i = 0; i < Workloads.Count; i++)
                p.Name($"workloads[{i}]", Workloads[i]);
            p.NonNegative("cap_resolution_w", CapResolutionW);
        }
        else if (Workloads.Count > 0)
        {
            p.Add("workloads", "only used with actuator power_cap");
        }
        return p.Problems;
    }

    internal bool IsMinimumType => Signal != PidSignal.Maximum;

    internal double ResolvedSetpointPu() => SetpointPu ?? (IsMinimumType ? DefaultMinimumSetpointPu : DefaultMaximumSetpointPu);

    internal double ResolvedOutputMinKw() => OutputMinKw ?? (IsMinimumType ? double.NegativeInfinity : 0.0);

    internal double ResolvedOutputMaxKw() => OutputMaxKw ?? (IsMinimumType ? 0.0 : double.PositiveInfinity);

    private void ValidateSignal(ProblemList p)
    {
        if (!Enum.IsDefined(Signal))
            p.Add("signal", $"must be minimum, maximum, bus or zone, got {(int)Signal}");
        if (!Enum.IsDefined(Actuator))
            p.Add("actuator", $"must be batch_size or power_cap, got {(int)Actuator}");
        if (Signal == PidSignal.Bus)
            p.Check(!string.IsNullOrWhiteSpace(Bus), "bus", "required when signal is bus");
        else if (Bus is not null)
            p.Add("bus", "only used when signal is bus");
        if (Signal == PidSignal.Zone)
        {
            p.Check(ZoneBuses.Count > 0, "zone_buses", "required when signal is zone (list the zone's buses)");
            for (int i = 0; i < ZoneBuses.Count; i++)
                p.Name($"zone_buses[{i}]", ZoneBuses[i]);
        }
        else if (ZoneBuses.Count > 0)
        {
            p.Add("zone_buses", "only used when signal is zone");
        }
    }
}
