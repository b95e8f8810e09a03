using OpenG2G.Datacenter.Fits;

namespace OpenG2G.Datacenter.Tests.Fits;

public class MonotoneCurveTests
{
    private static readonly double[] X = { 100, 150, 200, 250, 300 };
    private static readonly double[] Y = { 32.0, 26.6, 24.1, 24.6, 25.1 }; // turns: decreasing then increasing

    [Fact]
    public void Passes_through_every_point()
    {
        var c = new MonotoneCurve(X, Y);
        for (int i = 0; i < X.Length; i++)
            Assert.Equal(Y[i], c.Evaluate(X[i]).Value, 12);
    }

    [Fact]
    public void Stays_monotone_and_within_neighbours_between_points()
    {
        var c = new MonotoneCurve(X, Y);
        for (int i = 0; i + 1 < X.Length; i++)
        {
            double lo = Math.Min(Y[i], Y[i + 1]), hi = Math.Max(Y[i], Y[i + 1]);
            double sign = Math.Sign(Y[i + 1] - Y[i]);
            double previous = Y[i];
            for (int k = 1; k <= 50; k++)
            {
                double v = c.Evaluate(X[i] + (X[i + 1] - X[i]) * k / 50.0).Value;
                Assert.InRange(v, lo - 1e-12, hi + 1e-12);
                Assert.True(sign * (v - previous) >= -1e-12, $"not monotone in [{X[i]}, {X[i + 1]}] at step {k}");
                previous = v;
            }
        }
    }

    [Fact]
    public void Derivative_matches_a_central_difference()
    {
        var c = new MonotoneCurve(X, Y);
        const double h = 1e-6;
        foreach (double x in new[] { 120.0, 175.0, 260.0 })
            Assert.Equal((c.Evaluate(x + h).Value - c.Evaluate(x - h).Value) / (2 * h), c.Evaluate(x).Derivative, 5);
    }

    [Fact]
    public void Rejects_x_that_does_not_increase()
    {
        var e = Assert.Throws<ArgumentException>(() => new MonotoneCurve(new[] { 1.0, 1.0 }, new[] { 2.0, 3.0 }));
        Assert.Equal("x must be strictly increasing; x[0] = 1, x[1] = 1", e.Message);
    }
}
