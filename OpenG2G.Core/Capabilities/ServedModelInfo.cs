using System.Collections.Immutable;

namespace OpenG2G.Core.Capabilities;

/// <summary>A model a datacenter serves, as a controller may see it.</summary>
/// <param name="Model">Model label.</param>
/// <param name="GpusPerReplica">GPUs one replica occupies.</param>
/// <param name="FeasibleBatchSizes">Batch sizes the model can be set to, ascending.</param>
/// <param name="ItlDeadlineS">Inter-token latency deadline in seconds.</param>
/// <param name="Curves">Fitted per-replica power, latency and throughput against log2(batch).</param>
public sealed record ServedModelInfo(
    string Model,
    int GpusPerReplica,
    ImmutableArray<int> FeasibleBatchSizes,
    double ItlDeadlineS,
    IPerformanceCurves Curves);
