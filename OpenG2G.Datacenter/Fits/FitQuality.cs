namespace OpenG2G.Datacenter.Fits;

/// <summary>How well a curve reproduces the measured points it was fitted to.</summary>
/// <param name="Points">Number of measured points.</param>
/// <param name="RmsRelativeError">Root mean square of (fit - measured) / measured.</param>
/// <param name="MaxRelativeError">Largest |fit - measured| / |measured|.</param>
public readonly record struct FitQuality(int Points, double RmsRelativeError, double MaxRelativeError)
{
    /// <summary>Evaluate <paramref name="curve"/> at every measured point.</summary>
    public static FitQuality Of(ICurve curve, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double sum = 0, max = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double rel = Math.Abs(curve.Evaluate(x[i]).Value - y[i]) / Math.Abs(y[i]);
            sum += rel * rel;
            max = Math.Max(max, rel);
        }
        return new FitQuality(x.Count, Math.Sqrt(sum / x.Count), max);
    }
}
