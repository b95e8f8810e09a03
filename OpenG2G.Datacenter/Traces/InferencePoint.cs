namespace OpenG2G.Datacenter.Traces;

/// <summary>
/// What one replica of an inference configuration does at one batch size (vLLM
/// <c>max_num_seqs</c>), in steady state.
/// </summary>
/// <param name="BatchSize">Maximum concurrent sequences.</param>
/// <param name="MeanPowerW">Mean electrical GPU power of one replica in watts (all its GPUs).</param>
/// <param name="ThroughputTokensPerS">Output tokens per second of one replica.</param>
/// <param name="ThroughputSource"><c>measured</c>, or <c>openg2g-logistic-fit</c> where the published summary has no row.</param>
/// <param name="Itl">Inter-token latency distribution of one replica.</param>
/// <param name="ItlSource"><c>measured-mixture</c> (fitted mixture as published) or <c>lognormal-from-percentiles</c>.</param>
/// <param name="MedianItlS">Measured median ITL in seconds, NaN when not published.</param>
/// <param name="P99ItlS">Measured 99th-percentile ITL in seconds, NaN when not published.</param>
/// <param name="SeriesId">Power series replayed for this point (see <see cref="TraceLibrary.Series"/>).</param>
/// <param name="SeriesScale">Factor applied to that series so its mean equals <paramref name="MeanPowerW"/>; 1 for a measured series.</param>
/// <param name="SeriesProvenance">Measured, or synthesised from a similar measured configuration.</param>
/// <param name="SeriesSource">Human-readable origin of the series (source file or source configuration).</param>
public sealed record InferencePoint(
    int BatchSize,
    double MeanPowerW,
    double ThroughputTokensPerS,
    string ThroughputSource,
    ItlDistribution Itl,
    string ItlSource,
    double MedianItlS,
    double P99ItlS,
    int SeriesId,
    double SeriesScale,
    Provenance SeriesProvenance,
    string SeriesSource);
