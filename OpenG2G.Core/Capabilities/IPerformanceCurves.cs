namespace OpenG2G.Core.Capabilities;

/// <summary>
/// Fitted response of one replica of a served model to its batch size, as smooth functions of
/// x = log2(batch size) with derivatives in x (fits of measured data; see the trace library).
/// </summary>
public interface IPerformanceCurves
{
    /// <summary>Electrical power of one replica in watts.</summary>
    CurvePoint PowerW(double log2Batch);

    /// <summary>Mean inter-token latency in seconds.</summary>
    CurvePoint ItlS(double log2Batch);

    /// <summary>Output tokens per second of one replica.</summary>
    CurvePoint ThroughputTokensPerS(double log2Batch);
}
