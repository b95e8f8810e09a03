using System.Collections.Immutable;

namespace OpenG2G.Core.Metrics;

/// <summary>
/// AI service quality and datacenter power over a run, with the published OpenG2G definitions (see
/// <see cref="ServiceMetricsAccumulator"/>).
/// </summary>
/// <param name="MeanThroughputTokensPerS">Total output tokens/s summed over states, divided by the number of distinct timestamps.</param>
/// <param name="ItlDeadlineMissFraction">Share of valid (state, model) samples whose ITL exceeds the model's deadline.</param>
/// <param name="ValidSamples">Valid (state, model) samples: replicas &gt; 0 and finite positive ITL.</param>
/// <param name="MeanPowerKw">Total datacenter power (all sites, all phases) summed over states, divided by distinct timestamps, in kW.</param>
/// <param name="EnergyKwh">Energy drawn by all sites: each state's power times its site's median step spacing, in kWh.</param>
/// <param name="Models">Per-model figures, ordered by model label.</param>
public sealed record ServiceMetrics(
    double MeanThroughputTokensPerS,
    double ItlDeadlineMissFraction,
    long ValidSamples,
    double MeanPowerKw,
    double EnergyKwh,
    ImmutableArray<ModelServiceMetrics> Models);

/// <summary>One model's service figures over a run (all sites).</summary>
/// <param name="Model">Model label.</param>
/// <param name="MeanThroughputTokensPerS">Sum of the model's throughput over states, divided by the run's distinct timestamps.</param>
/// <param name="MeanItlS">Mean of valid ITL samples in seconds (NaN when none).</param>
/// <param name="ItlDeadlineMissFraction">Share of the model's valid samples over its deadline.</param>
/// <param name="MeanBatchSize">Mean batch size over all the model's samples.</param>
/// <param name="ValidSamples">Valid samples of the model.</param>
public sealed record ModelServiceMetrics(
    string Model,
    double MeanThroughputTokensPerS,
    double MeanItlS,
    double ItlDeadlineMissFraction,
    double MeanBatchSize,
    long ValidSamples);
