using OpenG2G.Core.Capabilities;

namespace OpenG2G.Testing.Capabilities;

/// <summary>Per-replica power (W), ITL (s) and throughput (tokens/s) as logistic curves in log2(batch). Test fake.</summary>
public sealed record LogisticPerformanceCurves(LogisticCurve Power, LogisticCurve Itl, LogisticCurve Throughput) : IPerformanceCurves
{
    public CurvePoint PowerW(double log2Batch) => Power.At(log2Batch);

    public CurvePoint ItlS(double log2Batch) => Itl.At(log2Batch);

    public CurvePoint ThroughputTokensPerS(double log2Batch) => Throughput.At(log2Batch);
}
