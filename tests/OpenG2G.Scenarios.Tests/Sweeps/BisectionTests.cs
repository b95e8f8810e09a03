using OpenG2G.Scenarios.Sweeps;

namespace OpenG2G.Scenarios.Tests.Sweeps;

public class BisectionTests
{
    private static SearchSpec Spec(double low, double high, double tolerance, bool integer) =>
        new(0, low, high, tolerance, integer, "voltage.violation_time_s", "<=", 0);

    /// <summary>Drive a bisection against "holds while x &lt;= limit"; returns the probes it made.</summary>
    private static List<double> Drive(Bisection b, double limit)
    {
        var probes = new List<double>();
        while (!b.Done)
        {
            probes.Add(b.Next);
            b.Record(b.Next <= limit, failed: false);
        }
        return probes;
    }

    [Fact]
    public void An_integer_search_brackets_the_threshold_within_the_tolerance_with_the_expected_probes()
    {
        var b = new Bisection(Spec(0, 100, 5, integer: true));
        List<double> probes = Drive(b, 37);
        // low, high, then floor midpoints: 50 (no) -> [0,50]; 25 (yes) -> [25,50]; 37 (yes) -> [37,50]; 43 (no) -> [37,43], width 6 > 5;
        // 40 (no) -> [37,40], width 3 <= 5: done at 37.
        Assert.Equal([0.0, 100, 50, 25, 37, 43, 40], probes);
        Assert.Equal(37, b.Result);
        Assert.Equal("found", b.Outcome);
    }

    [Fact]
    public void A_continuous_search_ends_within_the_tolerance_below_the_threshold()
    {
        var b = new Bisection(Spec(1, 2, 0.01, integer: false));
        Drive(b, Math.Sqrt(2));
        Assert.InRange(Math.Sqrt(2) - b.Result, 0, 0.01);
        // ceil(log2(1 / 0.01)) = 7 midpoints after the two ends.
        Assert.Equal(9, b.Probes);
    }

    [Fact]
    public void The_ends_decide_when_the_low_end_fails_or_the_high_end_holds()
    {
        var none = new Bisection(Spec(10, 20, 1, integer: true));
        Assert.Equal([10.0], Drive(none, 5));
        Assert.Equal(("none", double.NaN), (none.Outcome, none.Result));
        var high = new Bisection(Spec(10, 20, 1, integer: true));
        Assert.Equal([10.0, 20], Drive(high, 50));
        Assert.Equal(("at_high", 20.0), (high.Outcome, high.Result));
    }

    [Fact]
    public void A_failed_probe_counts_as_not_holding()
    {
        var b = new Bisection(Spec(0, 8, 1, integer: true));
        b.Record(true, failed: false);
        b.Record(false, failed: true);
        Assert.Equal(1, b.FailedProbes);
        Assert.Equal(4, b.Next);
    }
}
