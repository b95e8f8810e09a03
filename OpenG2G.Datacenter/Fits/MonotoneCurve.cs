using OpenG2G.Core.Capabilities;

namespace OpenG2G.Datacenter.Fits;

/// <summary>
/// Piecewise cubic Hermite interpolation (PCHIP, Fritsch-Butland slopes) through measured points:
/// it passes through every point exactly and, between two neighbours, stays monotone and within
/// their values (no overshoot), so it is monotone wherever the data are. Interior slopes are the
/// weighted harmonic mean of the neighbouring secants (zero where the data turn), end slopes the end
/// secants. Outside the measured range it holds the end value with zero derivative; callers that
/// must not extrapolate check <see cref="MinX"/>/<see cref="MaxX"/> first.
/// </summary>
public sealed class MonotoneCurve : ICurve
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _slope;

    /// <summary>Throws <see cref="ArgumentException"/> unless x is strictly increasing and both arrays have the same, non-zero length.</summary>
    public MonotoneCurve(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count == 0 || x.Count != y.Count)
            throw new ArgumentException($"need the same number (> 0) of x and y values, got {x.Count} and {y.Count}");
        for (int i = 1; i < x.Count; i++)
        {
            if (!(x[i] > x[i - 1]))
                throw new ArgumentException($"x must be strictly increasing; x[{i - 1}] = {x[i - 1]}, x[{i}] = {x[i]}");
        }
        _x = x.ToArray();
        _y = y.ToArray();
        _slope = Slopes(_x, _y);
    }

    public double MinX => _x[0];

    public double MaxX => _x[^1];

    public IReadOnlyList<double> X => _x;

    public IReadOnlyList<double> Y => _y;

    public CurvePoint Evaluate(double x)
    {
        if (_x.Length == 1 || x <= _x[0])
            return new CurvePoint(_y[0], 0.0);
        if (x >= _x[^1])
            return new CurvePoint(_y[^1], 0.0);
        int k = Array.BinarySearch(_x, x);
        if (k >= 0)
            return new CurvePoint(_y[k], _slope[k]);
        k = ~k - 1;
        double h = _x[k + 1] - _x[k];
        double t = (x - _x[k]) / h;
        double t2 = t * t, t3 = t2 * t;
        double value = (2 * t3 - 3 * t2 + 1) * _y[k] + (t3 - 2 * t2 + t) * h * _slope[k]
            + (-2 * t3 + 3 * t2) * _y[k + 1] + (t3 - t2) * h * _slope[k + 1];
        double derivative = ((6 * t2 - 6 * t) * _y[k] + (3 * t2 - 4 * t + 1) * h * _slope[k]
            + (-6 * t2 + 6 * t) * _y[k + 1] + (3 * t2 - 2 * t) * h * _slope[k + 1]) / h;
        return new CurvePoint(value, derivative);
    }

    private static double[] Slopes(double[] x, double[] y)
    {
        int n = x.Length;
        var m = new double[n];
        if (n < 2)
            return m;
        var d = new double[n - 1];
        for (int i = 0; i < n - 1; i++)
            d[i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
        m[0] = d[0];
        m[n - 1] = d[n - 2];
        for (int i = 1; i < n - 1; i++)
        {
            if (d[i - 1] * d[i] <= 0)
                continue;
            double h0 = x[i] - x[i - 1], h1 = x[i + 1] - x[i];
            double w1 = 2 * h1 + h0, w2 = h1 + 2 * h0;
            m[i] = (w1 + w2) / (w1 / d[i - 1] + w2 / d[i]);
        }
        return m;
    }
}
