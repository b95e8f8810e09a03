namespace OpenG2G.Core.Metrics;

/// <summary>Order statistics the metric definitions need.</summary>
internal static class SampleStatistics
{
    /// <summary>
    /// Median spacing of consecutive instants (ticks, ascending), in seconds; <paramref name="fallbackS"/>
    /// when there are fewer than two.
    /// </summary>
    public static double MedianSpacingS(IReadOnlyList<long> ticks, double fallbackS)
    {
        if (ticks.Count < 2)
            return fallbackS;
        var gaps = new long[ticks.Count - 1];
        for (int i = 1; i < ticks.Count; i++)
            gaps[i - 1] = ticks[i] - ticks[i - 1];
        Array.Sort(gaps);
        int mid = gaps.Length / 2;
        double medianTicks = gaps.Length % 2 == 1 ? gaps[mid] : (gaps[mid - 1] + (double)gaps[mid]) / 2.0;
        return medianTicks / TimeSpan.TicksPerSecond;
    }

    /// <summary>
    /// The <paramref name="q"/> quantile (0..1) of ascending <paramref name="sorted"/>: linear interpolation
    /// between the order statistics at rank q (n - 1) (Hyndman and Fan type 7, numpy's default); NaN when empty.
    /// </summary>
    public static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
            return double.NaN;
        double rank = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }
}
