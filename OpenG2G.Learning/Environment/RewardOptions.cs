using System.Globalization;
using OpenG2G.Core.Options;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// Weights of the per-step reward (docs/rl.md says why each term is there). Over the control period that
/// follows an action: r = -(violation_weight_per_pu x V1 + violation_squared_weight x V2)
/// + throughput_weight x T / throughput_reference_tokens_per_s - latency_weight x L - switching_weight x S,
/// with V1 and V2 the mean over the period's grid snapshots of the summed (squared) violation depth of the
/// counted bus-phases, T the mean datacenter-reported throughput, L the mean over models of
/// max(0, ITL / deadline - 1) and S the number of models whose batch size the action changed.
/// </summary>
public sealed record RewardOptions : IValidatable
{
    /// <summary>Weight of the summed violation depth (pu), the quantity the violation integral adds up. Default 100.</summary>
    public double ViolationWeightPerPu { get; init; } = 100.0;

    /// <summary>Weight of the summed squared violation depth (pu^2), the Python example's term. Default 5000.</summary>
    public double ViolationSquaredWeight { get; init; } = 5000.0;

    /// <summary>Weight of the throughput term. Default 1.</summary>
    public double ThroughputWeight { get; init; } = 1.0;

    /// <summary>Throughput (tokens/s) that counts as 1 in the throughput term. Default 1e7.</summary>
    public double ThroughputReferenceTokensPerS { get; init; } = 1e7;

    /// <summary>Weight of the mean relative ITL excess over the deadline. Default 1.</summary>
    public double LatencyWeight { get; init; } = 1.0;

    /// <summary>Cost per model whose batch size changes. Default 0.01.</summary>
    public double SwitchingWeight { get; init; } = 0.01;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        foreach (var (path, value) in new[]
        {
            ("violation_weight_per_pu", ViolationWeightPerPu), ("violation_squared_weight", ViolationSquaredWeight),
            ("throughput_weight", ThroughputWeight), ("latency_weight", LatencyWeight), ("switching_weight", SwitchingWeight),
        })
        {
            if (!(value >= 0) || !double.IsFinite(value))
                yield return new ValidationProblem(path, string.Create(CultureInfo.InvariantCulture, $"must be a finite number >= 0, got {value}"));
        }
        if (!(ThroughputReferenceTokensPerS > 0) || !double.IsFinite(ThroughputReferenceTokensPerS))
            yield return new ValidationProblem("throughput_reference_tokens_per_s", string.Create(CultureInfo.InvariantCulture, $"must be > 0, got {ThroughputReferenceTokensPerS}"));
    }
}
