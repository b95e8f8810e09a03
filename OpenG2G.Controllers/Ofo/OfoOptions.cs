using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Ofo;

/// <summary>
/// Options of the <c>ofo</c> controller (GPU-to-Grid online feedback optimisation). Defaults are the
/// settings of the published IEEE 13 study.
/// </summary>
public sealed record OfoOptions : IValidatable
{
    /// <summary>Primal step rho_x on x = log2(batch). Default 0.1.</summary>
    public double PrimalStepSize { get; init; } = 0.1;

    /// <summary>Weight w_thr of the normalised throughput reward. Default 0.001.</summary>
    public double ThroughputWeight { get; init; } = 0.001;

    /// <summary>Weight w_switch of the switching cost (x - x_prev). Default 1.0.</summary>
    public double SwitchingWeight { get; init; } = 1.0;

    /// <summary>Scale k_v of the voltage term of the gradient. Default 1e6.</summary>
    public double VoltageGradientScale { get; init; } = 1e6;

    /// <summary>Dual ascent step rho_v of the voltage duals, per pu of violation. Default 1.0.</summary>
    public double VoltageDualStepSize { get; init; } = 1.0;

    /// <summary>Dual ascent step rho_l of the latency duals, per second of ITL above the deadline. Default 1.0.</summary>
    public double LatencyDualStepSize { get; init; } = 1.0;

    /// <summary>Lower voltage limit in pu. Default 0.95.</summary>
    public double VMinPu { get; init; } = 0.95;

    /// <summary>Upper voltage limit in pu. Default 1.05.</summary>
    public double VMaxPu { get; init; } = 1.05;

    /// <summary>
    /// Controller steps between re-computations of the voltage sensitivity H; 0 (default) computes it
    /// once, at the first step.
    /// </summary>
    public int SensitivityUpdateInterval { get; init; }

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        p.Positive("primal_step_size", PrimalStepSize);
        p.NonNegative("throughput_weight", ThroughputWeight);
        p.NonNegative("switching_weight", SwitchingWeight);
        p.NonNegative("voltage_gradient_scale", VoltageGradientScale);
        p.NonNegative("voltage_dual_step_size", VoltageDualStepSize);
        p.NonNegative("latency_dual_step_size", LatencyDualStepSize);
        p.Band("v_min_pu", VMinPu, "v_max_pu", VMaxPu);
        p.Check(SensitivityUpdateInterval >= 0, "sensitivity_update_interval", $"must be >= 0, got {SensitivityUpdateInterval}");
        return p.Problems;
    }
}
