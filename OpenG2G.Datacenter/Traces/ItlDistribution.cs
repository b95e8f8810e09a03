using MathNet.Numerics.Distributions;
using OpenG2G.Core.Randomness;

namespace OpenG2G.Datacenter.Traces;

/// <summary>
/// Inter-token latency (ITL) distribution of one replica at one batch size: a shift plus a
/// two-component lognormal mixture. A draw is <c>LocS + ScaleS · exp(Sigma · z)</c> with z standard
/// normal, taking the "steady" component with probability <see cref="PiSteady"/> and the "stall"
/// component otherwise (the ML.ENERGY parametrisation used by the openg2g extract). A single
/// lognormal is the special case <see cref="PiSteady"/> = 1.
/// </summary>
/// <param name="LocS">Shift in seconds (&gt;= 0).</param>
/// <param name="PiSteady">Weight of the steady component in [0, 1]; the stall weight is 1 - PiSteady.</param>
/// <param name="SigmaSteady">Log-space standard deviation of the steady component.</param>
/// <param name="ScaleSteadyS">Median of the steady component's lognormal part in seconds.</param>
/// <param name="SigmaStall">Log-space standard deviation of the stall component.</param>
/// <param name="ScaleStallS">Median of the stall component's lognormal part in seconds.</param>
public sealed record ItlDistribution(
    double LocS,
    double PiSteady,
    double SigmaSteady,
    double ScaleSteadyS,
    double SigmaStall,
    double ScaleStallS)
{
    /// <summary>A single shifted lognormal (no stall component).</summary>
    public static ItlDistribution LogNormal(double locS, double sigma, double scaleS) => new(locS, 1.0, sigma, scaleS, sigma, scaleS);

    /// <summary>Expected ITL in seconds.</summary>
    public double MeanS => LocS + PartMean;

    /// <summary>Variance of the ITL in s².</summary>
    public double VarianceS2
    {
        get
        {
            double m = PartMean;
            double second = PiSteady * ScaleSteadyS * ScaleSteadyS * Math.Exp(2 * SigmaSteady * SigmaSteady)
                + (1 - PiSteady) * ScaleStallS * ScaleStallS * Math.Exp(2 * SigmaStall * SigmaStall);
            return Math.Max(0.0, second - m * m);
        }
    }

    /// <summary>Probability that one draw is at most <paramref name="itlS"/> seconds.</summary>
    public double Cdf(double itlS)
    {
        double y = itlS - LocS;
        if (y <= 0)
            return 0.0;
        double ly = Math.Log(y);
        return PiSteady * Normal.CDF(0, 1, (ly - Math.Log(ScaleSteadyS)) / SigmaSteady)
            + (1 - PiSteady) * Normal.CDF(0, 1, (ly - Math.Log(ScaleStallS)) / SigmaStall);
    }

    /// <summary>The <paramref name="probability"/> quantile in seconds (bisection on <see cref="Cdf"/>, relative precision 1e-12).</summary>
    public double QuantileS(double probability)
    {
        if (!(probability > 0 && probability < 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be in (0, 1)");
        double lo = 0, hi = Math.Max(ScaleSteadyS, ScaleStallS);
        while (Cdf(LocS + hi) < probability)
            hi *= 2;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Cdf(LocS + mid) < probability)
                lo = mid;
            else
                hi = mid;
        }
        return LocS + 0.5 * (lo + hi);
    }

    /// <summary>Median ITL in seconds.</summary>
    public double MedianS => QuantileS(0.5);

    /// <summary>One replica's ITL draw in seconds.</summary>
    public double Sample(SimRandom random)
    {
        bool steady = random.NextDouble() < PiSteady;
        double z = random.NextGaussian();
        return steady
            ? LocS + ScaleSteadyS * Math.Exp(SigmaSteady * z)
            : LocS + ScaleStallS * Math.Exp(SigmaStall * z);
    }

    private double PartMean =>
        PiSteady * ScaleSteadyS * Math.Exp(0.5 * SigmaSteady * SigmaSteady)
        + (1 - PiSteady) * ScaleStallS * Math.Exp(0.5 * SigmaStall * SigmaStall);
}
