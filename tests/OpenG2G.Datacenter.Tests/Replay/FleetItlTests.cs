using OpenG2G.Core.Randomness;
using OpenG2G.Datacenter.Replay;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Tests.Replay;

public class FleetItlTests
{
    // Llama-3.1-8B at batch 512 (heavy-tailed steady component).
    private static readonly ItlDistribution Heavy = new(0.006579698012840003, 0.20157962813553787, 1.3251956670044174,
        0.017431896454495718, 0.16222657200608384, 0.04203774478880279);

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(90)]
    [InlineData(720)]
    public void The_fleet_average_keeps_the_mixture_mean(int replicas)
    {
        var fleet = new FleetItl(Heavy);
        var random = new SimRandom(7);
        double sum = 0;
        const int draws = 40_000;
        for (int i = 0; i < draws; i++)
            sum += fleet.Sample(replicas, random);
        Assert.InRange(sum / draws / Heavy.MeanS, 0.98, 1.02);
    }

    [Fact]
    public void The_moment_matched_average_spreads_like_the_exact_average()
    {
        // 90 replicas: the exact average of 90 draws against the approximation used above 16.
        var random = new SimRandom(11);
        const int n = 90, runs = 20_000;
        var exact = new double[runs];
        var approx = new double[runs];
        var fleet = new FleetItl(Heavy);
        for (int r = 0; r < runs; r++)
        {
            double s = 0;
            for (int i = 0; i < n; i++)
                s += Heavy.Sample(random);
            exact[r] = s / n;
            approx[r] = fleet.Sample(n, random);
        }
        Array.Sort(exact);
        Array.Sort(approx);
        double sd = Math.Sqrt(Heavy.VarianceS2 / n);
        foreach (double q in new[] { 0.1, 0.5, 0.9, 0.99 })
        {
            int k = (int)(q * runs);
            Assert.True(Math.Abs(exact[k] - approx[k]) < 0.15 * sd, $"quantile {q}: exact {exact[k]}, approximation {approx[k]}, sd {sd}");
        }
    }

    [Fact]
    public void No_replicas_means_no_latency()
    {
        Assert.True(double.IsNaN(new FleetItl(Heavy).Sample(0, new SimRandom(1))));
    }
}
