using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Tests.Traces;

public class PowerCapResponseTests
{
    // Perseus SOSP'24 zeus_global_A40.csv, t5-3b: time per iteration is not monotone in the limit.
    private static readonly PowerCapPoint[] T5 =
    {
        new(125, 114.1, 32.011), new(150, 124.7, 26.567), new(175, 131.6, 24.632), new(200, 138.4, 24.133),
        new(225, 145.2, 24.19), new(250, 151.1, 24.59), new(275, 156.6, 24.988), new(300, 161.3, 25.051),
    };

    private static PowerCapResponse Response => new("perseus/t5-3b/A40/b128", "perseus-sosp24", "t5-3b", "A40", 128, 8, "iteration", T5);

    [Fact]
    public void Reproduces_power_and_throughput_exactly_at_every_measured_limit()
    {
        var r = Response;
        foreach (var p in T5)
        {
            Assert.Equal(p.PowerPerGpuW, r.PowerPerGpuW(p.PowerLimitW).Value, 10);
            Assert.Equal(25.051 / p.TimePerUnitS, r.ThroughputFraction(p.PowerLimitW).Value, 10);
        }
    }

    [Fact]
    public void Interpolates_monotonically_between_measured_limits()
    {
        var r = Response;
        for (int i = 0; i + 1 < T5.Length; i++)
        {
            double a = T5[i].PowerLimitW, b = T5[i + 1].PowerLimitW;
            double fa = r.ThroughputFraction(a).Value, fb = r.ThroughputFraction(b).Value;
            double pa = r.PowerPerGpuW(a).Value, pb = r.PowerPerGpuW(b).Value;
            double lastF = fa, lastP = pa;
            for (int k = 1; k < 25; k++)
            {
                double cap = a + (b - a) * k / 25.0;
                double f = r.ThroughputFraction(cap).Value, p = r.PowerPerGpuW(cap).Value;
                Assert.True(Math.Sign(fb - fa) * (f - lastF) >= -1e-12, $"throughput not monotone at {cap} W");
                Assert.True(p - lastP >= -1e-12, $"power not monotone at {cap} W");
                lastF = f;
                lastP = p;
            }
        }
    }

    [Fact]
    public void A_cap_outside_the_measured_range_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Response.PowerPerGpuW(350));
        Assert.Equal("power cap 350 W is outside the measured range 125-300 W of 'perseus/t5-3b/A40/b128'", e.Message);
    }
}
