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
}
