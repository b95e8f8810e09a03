using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Core.Metrics;

/// <summary>
/// The AI service and the datacenter's power over a run (see <see cref="ServiceMetricsAccumulator"/> for
/// the definitions). Time means are taken per site over its own states and summed over sites.
/// </summary>
/// <param name="MeanThroughputTokensPerS">Time mean of the output tokens/s the datacenters report (their measured or fitted performance data, summed over models): the headline throughput.</param>
/// <param name="NominalThroughputTokensPerS">The published OpenG2G definition, batch / ITL x replicas summed over valid samples, divided by distinct timestamps; assumes every replica runs a full batch, so it overstates throughput at large batches. For comparison with published numbers only.</param>
/// <param name="EnergyPerTokenJ">GPU energy of the inference replicas per output token, joules (inference energy / tokens reported).</param>
/// <param name="ItlDeadlineMissFraction">Share of valid (state, model) samples whose ITL exceeds the model's deadline.</param>
/// <param name="ValidSamples">Valid (state, model) samples: replicas &gt; 0 and finite positive ITL.</param>
/// <param name="MeanPowerKw">Total datacenter power (all sites, all phases; inference, training, idle, base load, overhead), time mean, kW.</param>
/// <param name="EnergyKwh">Energy of all sites: each state's power times its site's median step spacing, kWh.</param>
/// <param name="InferenceMeanPowerKw">Power of the inference replicas' GPUs, time mean, kW.</param>
/// <param name="InferenceEnergyKwh">Energy of the inference replicas' GPUs, kWh.</param>
/// <param name="TrainingMeanPowerKw">Power of the training jobs' GPUs, time mean over the whole run, kW.</param>
/// <param name="TrainingEnergyKwh">Energy of the training jobs' GPUs, kWh.</param>
/// <param name="Models">Per-model figures, ordered by model label.</param>
public sealed record ServiceMetrics(
    double MeanThroughputTokensPerS,
    double NominalThroughputTokensPerS,
    double EnergyPerTokenJ,
    double ItlDeadlineMissFraction,
    long ValidSamples,
    double MeanPowerKw,
    double EnergyKwh,
    double InferenceMeanPowerKw,
    double InferenceEnergyKwh,
    double TrainingMeanPowerKw,
    double TrainingEnergyKwh,
    ImmutableArray<ModelServiceMetrics> Models);

/// <summary>One model's service figures over a run (all sites).</summary>
/// <param name="Model">Model label.</param>
/// <param name="MeanThroughputTokensPerS">Time mean of the throughput the datacenters report for the model (summed over sites).</param>
/// <param name="NominalThroughputTokensPerS">Published definition: batch / ITL x replicas over valid samples, divided by the run's distinct timestamps.</param>
/// <param name="ThroughputSource">The least trustworthy source of the reported throughput over the samples with replicas (Unknown when a datacenter did not say, or no replica served).</param>
/// <param name="MeasuredThroughputFraction">Share of the samples with replicas whose throughput was measured at that batch size (NaN when no replica served).</param>
/// <param name="EnergyPerTokenJ">GPU energy of the model's replicas per output token, joules (NaN when it produced none).</param>
/// <param name="MeanPowerKw">GPU power of the model's replicas, time mean, kW.</param>
/// <param name="EnergyKwh">GPU energy of the model's replicas, kWh.</param>
/// <param name="MeanItlS">Mean of valid ITL samples, seconds (NaN when none).</param>
/// <param name="ItlP50S">Median of the valid ITL samples the run drew, seconds (linear interpolation between order statistics; NaN when none).</param>
/// <param name="ItlP90S">90th percentile of the valid ITL samples, seconds.</param>
/// <param name="ItlP99S">99th percentile of the valid ITL samples, seconds.</param>
/// <param name="ItlDeadlineMissFraction">Share of the model's valid samples over its deadline.</param>
/// <param name="MeanBatchSize">Mean batch size over all the model's samples.</param>
/// <param name="ValidSamples">Valid samples of the model.</param>
public sealed record ModelServiceMetrics(
    string Model,
    double MeanThroughputTokensPerS,
    double NominalThroughputTokensPerS,
    ThroughputProvenance ThroughputSource,
    double MeasuredThroughputFraction,
    double EnergyPerTokenJ,
    double MeanPowerKw,
    double EnergyKwh,
    double MeanItlS,
    double ItlP50S,
    double ItlP90S,
    double ItlP99S,
    double ItlDeadlineMissFraction,
    double MeanBatchSize,
    long ValidSamples);
