using OpenG2G.Datacenter.Fits;

namespace OpenG2G.Datacenter.Tests.Fits;

public class LogisticFitterTests
{
    [Fact]
    public void Recovers_the_parameters_of_exact_logistic_data()
    {
        var truth = new LogisticCurve(L: 210.0, X0: 5.5, K: 1.25, B0: 480.0);
        var x = new[] { 3.0, 4, 5, 6, 7, 8, 9, 10 };
        var y = x.Select(v => truth.Evaluate(v).Value).ToArray();
        var fit = LogisticFitter.Fit(x, y);
        Assert.Equal(truth.L, fit.L, 4);
        Assert.Equal(truth.X0, fit.X0, 5);
        Assert.Equal(truth.K, fit.K, 5);
        Assert.Equal(truth.B0, fit.B0, 4);
    }

    [Fact]
    public void Derivative_matches_a_central_difference()
    {
        var c = new LogisticCurve(100, 6, 0.8, 10);
        const double h = 1e-5;
        foreach (double x in new[] { 2.0, 6.0, 9.5 })
        {
            double numeric = (c.Evaluate(x + h).Value - c.Evaluate(x - h).Value) / (2 * h);
            Assert.Equal(numeric, c.Evaluate(x).Derivative, 6);
        }
    }

    [Fact]
    public void Fit_quality_reports_relative_errors_against_the_points()
    {
        var c = new LogisticCurve(0, 0, 1, 100); // constant 100
        var q = FitQuality.Of(c, new[] { 1.0, 2.0 }, new[] { 100.0, 125.0 });
        Assert.Equal(2, q.Points);
        Assert.Equal(0.2, q.MaxRelativeError, 12);
        Assert.Equal(Math.Sqrt(0.04 / 2), q.RmsRelativeError, 12);
    }

    [Fact]
    public void Too_few_points_for_a_logistic_fall_back_to_interpolation()
    {
        var fit = CurveFit.Create("power", new[] { 3.0, 4.0, 5.0 }, new[] { 1.0, 2.0, 2.5 });
        Assert.Equal("pchip", fit.Kind);
        Assert.Equal(0.0, fit.Quality.MaxRelativeError, 12);
    }
}
