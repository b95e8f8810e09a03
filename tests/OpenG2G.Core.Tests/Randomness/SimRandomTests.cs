using OpenG2G.Core.Randomness;

namespace OpenG2G.Core.Tests.Randomness;

public class SimRandomTests
{
    [Fact]
    public void Same_seed_and_stream_repeat_and_different_streams_differ()
    {
        ulong[] Draw(ulong seed, string stream)
        {
            var r = SimRandom.ForStream(seed, stream);
            return Enumerable.Range(0, 8).Select(_ => r.NextUInt64()).ToArray();
        }

        Assert.Equal(Draw(1, "dc1/noise"), Draw(1, "dc1/noise"));
        Assert.NotEqual(Draw(1, "dc1/noise"), Draw(1, "dc2/noise"));
        Assert.NotEqual(Draw(1, "dc1/noise"), Draw(2, "dc1/noise"));
    }

    [Fact]
    public void Uniform_draws_have_the_moments_of_U01()
    {
        var r = new SimRandom(42);
        const int n = 200_000;
        double sum = 0, sumSq = 0, min = 1, max = 0;
        for (int i = 0; i < n; i++)
        {
            double x = r.NextDouble();
            sum += x;
            sumSq += x * x;
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        // Standard error of the mean is sqrt(1/12/n) ~ 0.00065; allow 5 sigma.
        Assert.InRange(mean, 0.5 - 0.0033, 0.5 + 0.0033);
        Assert.InRange(variance, 1.0 / 12 - 0.002, 1.0 / 12 + 0.002);
        Assert.True(min >= 0 && max < 1);
    }

    [Fact]
    public void Gaussian_draws_have_zero_mean_unit_variance_and_normal_tails()
    {
        var r = new SimRandom(7);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        int beyond2 = 0;
        for (int i = 0; i < n; i++)
        {
            double x = r.NextGaussian();
            sum += x;
            sumSq += x * x;
            if (Math.Abs(x) > 2)
                beyond2++;
        }
        double mean = sum / n;
        Assert.InRange(mean, -0.012, 0.012);
        Assert.InRange(sumSq / n - mean * mean, 0.98, 1.02);
        // P(|Z| > 2) = 0.0455 for a standard normal.
        Assert.InRange(beyond2 / (double)n, 0.0455 - 0.003, 0.0455 + 0.003);
    }

    [Fact]
    public void Integers_cover_the_range_evenly()
    {
        var r = new SimRandom(3);
        var counts = new int[6];
        for (int i = 0; i < 60_000; i++)
            counts[r.NextInt(6)]++;
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 500, 10_000 + 500));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.NextInt(0));
    }
}
