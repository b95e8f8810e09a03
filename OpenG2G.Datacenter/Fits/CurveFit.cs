namespace OpenG2G.Datacenter.Fits;

/// <summary>A fitted curve of one metric against log2(batch size), with its error on the measured points.</summary>
/// <param name="Metric"><c>power</c> (W per replica), <c>latency</c> (mean ITL, s) or <c>throughput</c> (tokens/s per replica).</param>
/// <param name="Curve">The curve: a <see cref="LogisticCurve"/>, or a <see cref="MonotoneCurve"/> when there are too few points for a logistic fit.</param>
/// <param name="Quality">Error against the measured points it came from.</param>
public sealed record CurveFit(string Metric, ICurve Curve, FitQuality Quality)
{
    /// <summary><c>logistic4</c> or <c>pchip</c>.</summary>
    public string Kind => Curve is LogisticCurve ? "logistic4" : "pchip";

    /// <summary>
    /// Fit <paramref name="y"/> against <paramref name="log2Batch"/>: a logistic with at least
    /// <see cref="LogisticFitter.MinimumPoints"/> points, a monotone interpolation otherwise.
    /// </summary>
    public static CurveFit Create(string metric, IReadOnlyList<double> log2Batch, IReadOnlyList<double> y)
    {
        ICurve curve = log2Batch.Count >= LogisticFitter.MinimumPoints
            ? LogisticFitter.Fit(log2Batch, y)
            : new MonotoneCurve(log2Batch, y);
        return new CurveFit(metric, curve, FitQuality.Of(curve, log2Batch, y));
    }
}
