using OpenG2G.Core.Options;

namespace CustomController;

/// <summary>
/// Options of the <c>voltage-step</c> controller. YAML keys are the snake_case property names
/// (<c>threshold_pu</c>, <c>hysteresis_pu</c>, <c>fail_at_s</c>); unset keys keep these defaults.
/// </summary>
public sealed record VoltageStepOptions : IValidatable
{
    /// <summary>Below this voltage (pu, lowest phase at the datacenter's bus) batches step down. Default 0.96.</summary>
    public double ThresholdPu { get; init; } = 0.96;

    /// <summary>Batches step back up once the voltage exceeds threshold + hysteresis (pu). Default 0.01.</summary>
    public double HysteresisPu { get; init; } = 0.01;

    /// <summary>
    /// Throw at the first step at or after this simulated time (s). Off by default; it exists to show
    /// what happens when a plug-in fails: the run stops naming the controller, the time and the message.
    /// </summary>
    public double? FailAtS { get; init; }

    public IEnumerable<ValidationProblem> Validate()
    {
        if (!(ThresholdPu > 0))
            yield return new ValidationProblem("threshold_pu", $"must be > 0, got {ThresholdPu}");
        if (!(HysteresisPu >= 0))
            yield return new ValidationProblem("hysteresis_pu", $"must be >= 0, got {HysteresisPu}");
        if (FailAtS is < 0)
            yield return new ValidationProblem("fail_at_s", $"must be >= 0, got {FailAtS}");
    }
}
