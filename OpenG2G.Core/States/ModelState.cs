namespace OpenG2G.Core.States;

/// <summary>
/// What one served model of a datacenter did during one datacenter step.
/// </summary>
/// <param name="Model">Model label as named in the scenario (e.g. <c>Llama-3.1-8B</c>).</param>
/// <param name="BatchSize">Batch size (max concurrent sequences) in force during the step.</param>
/// <param name="ActiveReplicas">Replicas serving during the step (0 when the model is scaled to zero).</param>
/// <param name="ItlS">Observed fleet-average inter-token latency in seconds; NaN when no replica serves.</param>
/// <param name="ThroughputTokensPerS">Output tokens per second over all active replicas, as the datacenter's performance data give it at this batch size (measured or fitted): the throughput the service metrics average.</param>
/// <param name="PowerW">Electrical power of the model's replicas in watts (all phases).</param>
/// <param name="PowerCapW">GPU power cap per GPU in watts, or NaN when uncapped.</param>
/// <param name="ThroughputSource">Where <paramref name="ThroughputTokensPerS"/> comes from at this batch size (<see cref="ThroughputProvenance.Unknown"/> unless the datacenter says).</param>
public readonly record struct ModelState(
    string Model,
    int BatchSize,
    int ActiveReplicas,
    double ItlS,
    double ThroughputTokensPerS,
    double PowerW,
    double PowerCapW,
    ThroughputProvenance ThroughputSource = ThroughputProvenance.Unknown);
