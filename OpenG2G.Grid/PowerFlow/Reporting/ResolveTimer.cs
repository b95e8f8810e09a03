using System.Diagnostics;
using OpenG2G.Grid.Model;

namespace OpenG2G.Grid.PowerFlow.Reporting;

/// <summary>
/// Times re-solves of a solved feeder on one thread, regulators held: <c>n</c> after a tiny change
/// (+-1e-4) of the first load branch, and <c>n</c> after moving the first regulator one step and back.
/// A quick check on any feeder; the published figures come from the BenchmarkDotNet suite in bench/.
/// </summary>
public static class ResolveTimer
{
    /// <summary>Median microseconds of each kind of re-solve; null when the feeder has no load branch or no regulator.</summary>
    public static (double? LoadResolveUs, double? TapResolveUs) Run(Feeder feeder, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var mode = feeder.ControlMode;
        feeder.ControlMode = ControlMode.Off;
        try
        {
            return (LoadResolves(feeder, n), TapResolves(feeder, n));
        }
        finally
        {
            feeder.ControlMode = mode;
        }
    }

    private static double? LoadResolves(Feeder feeder, int n)
    {
        if (feeder.Network.LoadBranches.Count == 0)
            return null;
        var original = feeder.CurrentLoadBranches[0];
        var times = new double[n];
        for (int i = 0; i < n; i++)
        {
            double f = 1.0 + (i % 2 == 0 ? 1e-4 : -1e-4);
            feeder.SetAttachmentPower(0, original.Watts * f, original.Vars * f);
            long t0 = Stopwatch.GetTimestamp();
            feeder.SolveVoltages();
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        feeder.SetAttachmentPower(0, original.Watts, original.Vars);
        return Median(times);
    }

    private static double? TapResolves(Feeder feeder, int n)
    {
        if (feeder.Regulators.IsEmpty)
            return null;
        var reg = feeder.Regulators[0];
        double baseTap = reg.Tap;
        var times = new double[n];
        for (int i = 0; i < n; i++)
        {
            feeder.SetTap(reg, i % 2 == 0 ? baseTap + reg.TapIncrement : baseTap);
            long t0 = Stopwatch.GetTimestamp();
            feeder.SolveVoltages();
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
        }
        feeder.SetTap(reg, baseTap);
        return Median(times);
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
