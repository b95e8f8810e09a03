using OpenG2G.Core.Capabilities;

namespace OpenG2G.Datacenter.Fits;

/// <summary>The three fitted curves of one inference configuration, as controllers see them.</summary>
public sealed class PerformanceCurves : IPerformanceCurves
{
    public PerformanceCurves(CurveFit power, CurveFit latency, CurveFit throughput)
    {
        Power = power;
        Latency = latency;
        Throughput = throughput;
    }

    public CurveFit Power { get; }

    public CurveFit Latency { get; }

    public CurveFit Throughput { get; }

    public CurvePoint PowerW(double log2Batch) => Power.Curve.Evaluate(log2Batch);

    public CurvePoint ItlS(double log2Batch) => Latency.Curve.Evaluate(log2Batch);

    public CurvePoint ThroughputTokensPerS(double log2Batch) => Throughput.Curve.Evaluate(log2Batch);
}
