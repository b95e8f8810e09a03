namespace OpenG2G.Datacenter.Import;

/// <summary>
/// A lognormal ITL distribution from published percentiles: the median fixes the scale, and the
/// log-space spread is the least-squares fit of ln(p_q / median) = sigma z_q over the 90th, 95th and
/// 99th percentiles (z_q the standard normal quantiles).
/// </summary>
internal static class PercentileLogNormal
{
    private static readonly double[] Z = { 1.2815515655446004, 1.6448536269514722, 2.3263478740408408 };

    /// <summary>Sigma of the fitted lognormal; throws <see cref="ArgumentException"/> when the percentiles do not increase.</summary>
    public static double Sigma(double medianS, double p90S, double p95S, double p99S)
    {
        double[] p = { p90S, p95S, p99S };
        double num = 0, den = 0;
        for (int i = 0; i < 3; i++)
        {
            num += Z[i] * Math.Log(p[i] / medianS);
            den += Z[i] * Z[i];
        }
        double sigma = num / den;
        if (!(sigma > 0) || !double.IsFinite(sigma))
            throw new ArgumentException($"percentiles must increase from the median (median {medianS} s, p90 {p90S} s, p95 {p95S} s, p99 {p99S} s)");
        return sigma;
    }
}
