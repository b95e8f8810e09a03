using MathNet.Numerics.Distributions;
using OpenG2G.Core.Randomness;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Tests.Traces;

public class ItlDistributionTests
{
    // Llama-3.1-8B at batch 128 and 512 in the openg2g extract's latency_fits.csv (heavy stall tail at 512).
    public static readonly TheoryData<double, double, double, double, double, double> Mixtures = new()
    {
        { 0.0026725998690128325, 0.329561104501201, 0.6028124518856584, 0.01291166006566778, 0.10190881519172769, 0.01398383994948415 },
        { 0.006579698012840003, 0.20157962813553787, 1.3251956670044174, 0.017431896454495718, 0.16222657200608384, 0.04203774478880279 },
    };

    [Fact]
    public void A_single_lognormal_has_the_closed_form_mean_median_and_variance()
    {
        var d = ItlDistribution.LogNormal(0.002, 0.5, 0.01);
        Assert.Equal(0.002 + 0.01 * Math.Exp(0.125), d.MeanS, 14);
        Assert.Equal(0.012, d.MedianS, 12);
        Assert.Equal((Math.Exp(0.25) - 1) * Math.Exp(0.25) * 1e-4, d.VarianceS2, 14);
    }

    [Theory]
    [MemberData(nameof(Mixtures))]
    public void Cdf_is_the_weighted_sum_of_the_shifted_lognormal_cdfs(double loc, double pi, double s1, double m1, double s2, double m2)
    {
        var d = new ItlDistribution(loc, pi, s1, m1, s2, m2);
        var a = new LogNormal(Math.Log(m1), s1);
        var b = new LogNormal(Math.Log(m2), s2);
        foreach (double x in new[] { 0.01, 0.02, 0.05 })
            Assert.Equal(pi * a.CumulativeDistribution(x - loc) + (1 - pi) * b.CumulativeDistribution(x - loc), d.Cdf(x), 12);
    }

    [Theory]
    [MemberData(nameof(Mixtures))]
    public void Hundred_thousand_draws_reproduce_mean_and_median_within_two_percent(double loc, double pi, double s1, double m1, double s2, double m2)
    {
        var d = new ItlDistribution(loc, pi, s1, m1, s2, m2);
        var random = new SimRandom(42);
        var draws = new double[100_000];
        for (int i = 0; i < draws.Length; i++)
            draws[i] = d.Sample(random);
        Array.Sort(draws);
        double mean = draws.Average();
        double median = 0.5 * (draws[49_999] + draws[50_000]);
        Assert.InRange(mean / d.MeanS, 0.98, 1.02);
        Assert.InRange(median / d.MedianS, 0.98, 1.02);
    }
}
