using OpenG2G.Controllers.Options;
using OpenG2G.Core.Forecasts;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// Options of the <c>mpc</c> controller: a receding-horizon QP over the next
/// <see cref="HorizonSteps"/> controller periods, choosing log2(batch) per model (and GPU power caps
/// of cappable training jobs) to maximise measured throughput under soft voltage limits, ITL
/// deadlines, rate limits and a switching cost, with the command delay and the components'
/// forecasts in its prediction model. Weights are per controller step; a violation is counted per
/// bus-phase. The formulation and how to choose the horizon: docs/controllers.md.
/// </summary>
public sealed record MpcOptions : IValidatable
{
    /// <summary>Prediction horizon N in controller periods, counted from when a decision takes effect (after the command delay). Default 10; 1-200.</summary>
    public int HorizonSteps { get; init; } = 10;

    /// <summary>Lower voltage limit in pu. Default 0.95.</summary>
    public double VMinPu { get; init; } = 0.95;

    /// <summary>Upper voltage limit in pu. Default 1.05.</summary>
    public double VMaxPu { get; init; } = 1.05;

    /// <summary>The plan keeps predicted voltages this far inside the limits (room for noise and linearisation error), pu. Default 0.002; &gt;= 0.</summary>
    public double VoltageMarginPu { get; init; } = 0.002;

    /// <summary>Cost w s per bus-phase per step of a predicted violation s (pu beyond the margin): an exact penalty, large enough that the plan meets the limit whenever it can. Default 1e4; &gt;= 0.</summary>
    public double VoltageViolationWeight { get; init; } = 1e4;

    /// <summary>Cost 1/2 w s² per bus-phase per step of a predicted violation s (pu beyond the margin), which spreads an unavoidable violation over bus-phases and steps. Default 1e7; &gt;= 0.</summary>
    public double VoltageViolationQuadraticWeight { get; init; } = 1e7;

    /// <summary>
    /// Reward per step for the targets' fitted throughput, as a share of the reference throughput
    /// (every replica of the first step at its largest batch): a weight of 1 values the reference at 1
    /// per step. Default 1; &gt;= 0.
    /// </summary>
    public double ThroughputWeight { get; init; } = 1.0;

    /// <summary>Cost w (x_k - x_k-1)² per model per step of a change of x = log2(batch), the first step counted from the batch last commanded. Default 0.02; &gt;= 0.</summary>
    public double SwitchingWeight { get; init; } = 0.02;

    /// <summary>Cost w (x - x_ref)² per model per step, x_ref the previous plan where the fits are linearised: keeps each plan where the linearisation holds. Default 0.005; &gt;= 0.</summary>
    public double TrustRegionWeight { get; init; } = 0.005;

    /// <summary>Largest change of log2(batch) from one step to the next (1 = halve or double). Default 1; &gt; 0.</summary>
    public double MaxLog2BatchChangePerStep { get; init; } = 1.0;

    /// <summary>
    /// The plan keeps each model's fitted mean ITL at most (1 - this) x its deadline: the fits give the
    /// mean, and measured ITL has a tail above it. Default 0.2; in [0, 1).
    /// </summary>
    public double ItlMarginFraction { get; init; } = 0.2;

    /// <summary>Bus-phases per voltage limit that carry a constraint: the ones predicted closest to it. Default 6; &gt;= 1.</summary>
    public int ConstrainedNodes { get; init; } = 6;

    /// <summary>A voltage limit gets constraints only while some bus-phase is predicted within this distance of it (plus the margin), pu. Default 0.02; &gt;= 0.</summary>
    public double ScreeningBandPu { get; init; } = 0.02;

    /// <summary>
    /// Time constant of the filter that calibrates each model's fitted power to its measured power,
    /// seconds (0: the ratio of the latest step). Default 30; &gt;= 0.
    /// </summary>
    public double PowerCalibrationTimeConstantS { get; init; } = 30;

    /// <summary>Controller steps between re-linearisations of the grid (voltage sensitivities); 1 = every step (default); 0 = once.</summary>
    public int SensitivityUpdateInterval { get; init; } = 1;

    /// <summary>
    /// Controller steps between recomputations of the voltage sensitivities of the forecast PV and
    /// load attachments (they only weigh the forecast change of those attachments over the horizon, a
    /// small correction); 0 = once. Default 60.
    /// </summary>
    public int AttachmentSensitivityUpdateInterval { get; init; } = 60;

    /// <summary>Whether the prediction uses the datacenters' and grid's forecasts (training jobs, replica ramps, PV and load profiles). False: every disturbance is assumed to stay as measured. Default true.</summary>
    public bool UseForecasts { get; init; } = true;

    /// <summary>Error applied to every forecast the controller reads. Default none (perfect foresight).</summary>
    public ForecastError ForecastError { get; init; } = new();

    /// <summary>Command delay of the prediction model, seconds. Default (null): the controller's <c>delay_s</c>, the delay the kernel applies.</summary>
    public double? CommandDelayS { get; init; }

    /// <summary>Whether GPU power caps of the targets' cappable training jobs are decision variables too. Default true (where a site has such jobs).</summary>
    public bool CapTrainingJobs { get; init; } = true;

    /// <summary>Reward per step for a capped training job's throughput, as a fraction of uncapped, per job. Default 0.5; &gt;= 0.</summary>
    public double TrainingThroughputWeight { get; init; } = 0.5;

    /// <summary>Training caps are commanded in multiples of this, watts. Default 10; &gt; 0.</summary>
    public double CapResolutionW { get; init; } = 10;

    /// <summary>QP solver settings.</summary>
    public MpcSolverOptions Solver { get; init; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        p.Check(HorizonSteps is >= 1 and <= 200, "horizon_steps", $"must be in 1..200, got {HorizonSteps}");
        p.Band("v_min_pu", VMinPu, "v_max_pu", VMaxPu);
        p.NonNegative("voltage_margin_pu", VoltageMarginPu);
        if (double.IsFinite(VoltageMarginPu) && VMaxPu > VMinPu)
            p.Check(2 * VoltageMarginPu < VMaxPu - VMinPu, "voltage_margin_pu", $"must be less than half the band ({ProblemList.Format(Math.Round((VMaxPu - VMinPu) / 2, 9))} pu), got {ProblemList.Format(VoltageMarginPu)}");
        p.NonNegative("voltage_violation_weight", VoltageViolationWeight);
        p.NonNegative("voltage_violation_quadratic_weight", VoltageViolationQuadraticWeight);
        p.NonNegative("throughput_weight", ThroughputWeight);
        p.NonNegative("switching_weight", SwitchingWeight);
        p.NonNegative("trust_region_weight", TrustRegionWeight);
        p.Positive("max_log2_batch_change_per_step", MaxLog2BatchChangePerStep);
        if (p.Finite("itl_margin_fraction", ItlMarginFraction))
            p.Check(ItlMarginFraction is >= 0 and < 1, "itl_margin_fraction", $"must be in [0, 1), got {ProblemList.Format(ItlMarginFraction)}");
        p.Check(ConstrainedNodes >= 1, "constrained_nodes", $"must be >= 1, got {ConstrainedNodes}");
        p.NonNegative("screening_band_pu", ScreeningBandPu);
        p.NonNegative("power_calibration_time_constant_s", PowerCalibrationTimeConstantS);
        p.Check(SensitivityUpdateInterval >= 0, "sensitivity_update_interval", $"must be >= 0, got {SensitivityUpdateInterval}");
        p.Check(AttachmentSensitivityUpdateInterval >= 0, "attachment_sensitivity_update_interval", $"must be >= 0, got {AttachmentSensitivityUpdateInterval}");
        foreach (ValidationProblem e in ForecastError.Validate())
            p.Add("forecast_error." + e.Path, e.Message);
        if (CommandDelayS is double d)
            p.NonNegative("command_delay_s", d);
        p.NonNegative("training_throughput_weight", TrainingThroughputWeight);
        p.Positive("cap_resolution_w", CapResolutionW);
        foreach (ValidationProblem e in Solver.Validate())
            p.Add("solver." + e.Path, e.Message);
        return p.Problems;
    }
}
