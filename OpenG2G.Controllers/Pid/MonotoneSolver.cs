namespace OpenG2G.Controllers.Pid;

/// <summary>A non-decreasing function of one variable with its slope (total fitted power against a common knob).</summary>
internal interface IMonotoneCurve
{
    double Evaluate(double z, out double slope);
}

/// <summary>Solves f(z) = target on a bracket for non-decreasing f: Newton steps, bisection when a step leaves the bracket.</summary>
internal static class MonotoneSolver
{
    private const int MaxIterations = 100;

    /// <summary>
    /// A z in [<paramref name="low"/>, <paramref name="high"/>] with |f(z) - target| within
    /// 1e-9 x max(1, |target|), starting from <paramref name="start"/>. When the target lies outside
    /// [f(low), f(high)] the nearer end is returned.
    /// </summary>
    public static double Solve(IMonotoneCurve f, double target, double low, double high, double start)
    {
        double tolerance = 1e-9 * Math.Max(1.0, Math.Abs(target));
        double z = Math.Clamp(start, low, high);
        for (int i = 0; i < MaxIterations; i++)
        {
            double residual = f.Evaluate(z, out double slope) - target;
            if (Math.Abs(residual) <= tolerance)
                return z;
            if (residual > 0)
                high = z;
            else
                low = z;
            if (high - low <= 1e-12 * (1.0 + Math.Abs(z)))
                return z;
            double next = slope > 0 ? z - residual / slope : double.NaN;
            z = next > low && next < high ? next : 0.5 * (low + high);
        }
        return z;
    }
}
