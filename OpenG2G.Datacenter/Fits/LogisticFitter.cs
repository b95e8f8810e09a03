using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace OpenG2G.Datacenter.Fits;

/// <summary>
/// Least-squares fit of a <see cref="LogisticCurve"/> (unweighted, in the units of y) by
/// Levenberg-Marquardt with analytic Jacobian. Deterministic multi-start: for a grid of (X0, K)
/// the linear parameters (L, B0) are solved exactly, and the best few starts are refined jointly.
/// </summary>
public static class LogisticFitter
{
    /// <summary>Points needed for a logistic fit (four parameters plus one degree of freedom).</summary>
    public const int MinimumPoints = 5;

    /// <summary>Throws <see cref="ArgumentException"/> with fewer than <see cref="MinimumPoints"/> points.</summary>
    public static LogisticCurve Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < MinimumPoints)
            throw new ArgumentException($"a logistic fit needs at least {MinimumPoints} points with x and y of equal length, got {x.Count} and {y.Count}");
        var vx = Vector<double>.Build.DenseOfEnumerable(x);
        var vy = Vector<double>.Build.DenseOfEnumerable(y);
        double xMin = x.Min(), xMax = x.Max();
        var starts = new List<(double Sse, LogisticCurve Curve)>();
        for (int i = 0; i <= 8; i++)
        {
            double x0 = xMin + (xMax - xMin) * i / 8.0;
            foreach (double k in new[] { 0.25, 0.5, 1.0, 2.0, 4.0 })
            {
                var start = SolveLinear(x, y, x0, k);
                if (start is not null)
                    starts.Add((Sse(start, x, y), start));
            }
        }
        LogisticCurve best = starts.OrderBy(s => s.Sse).First().Curve;
        double bestSse = Sse(best, x, y);
        foreach (var (_, start) in starts.OrderBy(s => s.Sse).Take(6))
        {
            var refined = Refine(start, vx, vy);
            if (refined is null)
                continue;
            double sse = Sse(refined, x, y);
            if (sse < bestSse)
            {
                best = refined;
                bestSse = sse;
            }
        }
        return best;
    }

    /// <summary>Sum of squared residuals of <paramref name="curve"/> on the points.</summary>
    public static double Sse(LogisticCurve curve, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double sum = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double r = curve.Evaluate(x[i]).Value - y[i];
            sum += r * r;
        }
        return sum;
    }

    private static LogisticCurve? SolveLinear(IReadOnlyList<double> x, IReadOnlyList<double> y, double x0, double k)
    {
        // y = B0 + L s(x) is linear in (B0, L) once X0 and K are fixed.
        double n = x.Count, ss = 0, s2 = 0, sy = 0, sys = 0, yy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double s = 1.0 / (1.0 + Math.Exp(-k * (x[i] - x0)));
            ss += s;
            s2 += s * s;
            sy += y[i];
            sys += y[i] * s;
            yy += y[i] * y[i];
        }
        double det = n * s2 - ss * ss;
        if (Math.Abs(det) < 1e-12 * n * n)
            return null;
        double l = (n * sys - ss * sy) / det;
        double b0 = (sy - l * ss) / n;
        return new LogisticCurve(l, x0, k, b0);
    }

    private static LogisticCurve? Refine(LogisticCurve start, Vector<double> x, Vector<double> y)
    {
        var model = ObjectiveFunction.NonlinearModel(Model, Jacobian, x, y);
        var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: 2000);
        var guess = Vector<double>.Build.Dense(new[] { start.L, start.X0, start.K, start.B0 });
        try
        {
            var p = minimizer.FindMinimum(model, guess).MinimizingPoint;
            return p.All(double.IsFinite) ? new LogisticCurve(p[0], p[1], p[2], p[3]) : null;
        }
        catch (Exception e) when (e is MaximumIterationsException or ArgumentException)
        {
            // A start that diverges (parameters leave the finite range) is dropped; the others remain.
            return null;
        }
    }

    private static Vector<double> Model(Vector<double> p, Vector<double> x) =>
        x.Map(xi => p[3] + p[0] / (1.0 + Math.Exp(-p[2] * (xi - p[1]))));

    private static Matrix<double> Jacobian(Vector<double> p, Vector<double> x)
    {
        var j = Matrix<double>.Build.Dense(x.Count, 4);
        for (int i = 0; i < x.Count; i++)
        {
            double e = Math.Exp(-p[2] * (x[i] - p[1]));
            double d = 1.0 + e;
            double s = 1.0 / d;
            double ds = e / (d * d);
            j[i, 0] = s;
            j[i, 1] = -p[0] * ds * p[2];
            j[i, 2] = p[0] * ds * (x[i] - p[1]);
            j[i, 3] = 1.0;
        }
        return j;
    }
}
