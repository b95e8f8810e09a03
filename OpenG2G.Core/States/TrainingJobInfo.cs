namespace OpenG2G.Core.States;

/// <summary>
/// What a training job is, fixed for a run: the datacenter reports it with every state so that
/// controllers and metrics need no other lookup.
/// </summary>
/// <param name="Job">Job name (the target of <c>SetPowerCap</c>).</param>
/// <param name="Gpus">GPUs the job runs on.</param>
/// <param name="Gpu">GPU type the job runs on (e.g. <c>H100</c>).</param>
/// <param name="StartS">Start, seconds since the start of the run.</param>
/// <param name="EndS">End, seconds since the start of the run.</param>
/// <param name="PowerCapResponse">Id of the measured power-cap response that gives its power and throughput under a cap; null when the job cannot be capped.</param>
/// <param name="PowerCapCurveGpu">GPU type that response was measured on; null without one. Differs from <paramref name="Gpu"/> when the job borrows another GPU's curve.</param>
public sealed record TrainingJobInfo(
    string Job,
    int Gpus,
    string Gpu,
    double StartS,
    double EndS,
    string? PowerCapResponse,
    string? PowerCapCurveGpu)
{
    /// <summary>True when the power-cap curve was measured on another GPU type than the job's.</summary>
    public bool BorrowsPowerCapCurve =>
        PowerCapCurveGpu is not null && !string.Equals(PowerCapCurveGpu, Gpu, StringComparison.OrdinalIgnoreCase);
}
