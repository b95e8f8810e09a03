using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Curves;

/// <summary>
/// A piecewise-linear curve (OpenDSS XYCurve): <c>npts</c> points from <c>xarray</c> and <c>yarray</c>
/// or <c>points=[x1 y1 x2 y2 ...]</c>. <see cref="YAt"/> interpolates linearly and extrapolates
/// beyond the ends along the first or last segment, as OpenDSS does; x within 1e-5 of a point (after
/// the first) takes that point's y. <c>Xshift</c>, <c>Yshift</c>, <c>Xscale</c> and <c>Yscale</c> are
/// accepted: in OpenDSS they only affect the curve's <c>x</c>/<c>y</c> read-back properties.
/// </summary>
public sealed class XyCurveElement : DssElement
{
    private static readonly string[] Names =
    [
        "npts", "points", "yarray", "xarray", "csvfile", "sngfile", "dblfile", "x", "y", "xshift", "yshift",
        "xscale", "yscale", "like",
    ];

    private double[] _x = [];
    private double[] _y = [];
    private int? _points;

    public XyCurveElement(string name, SourceLocation definedAt)
        : base("XYcurve", name, definedAt)
    {
    }

    /// <summary>Number of points in use: npts when given, else the shorter of the two arrays.</summary>
    public int Count => Math.Min(_points ?? int.MaxValue, Math.Min(_x.Length, _y.Length));

    internal override IReadOnlyList<string> PropertyNames => Names;

    protected override void DeepCopyArrays()
    {
        _x = (double[])_x.Clone();
        _y = (double[])_y.Clone();
    }

    /// <summary>The curve's y at <paramref name="x"/> (0 for an empty curve, the single y for one point).</summary>
    public double YAt(double x)
    {
        int n = Count;
        if (n <= 0)
            return 0.0;
        if (n == 1)
            return _y[0];
        if (x < _x[0])
            return Interpolate(0, 1, x);
        for (int i = 1; i < n; i++)
        {
            if (Math.Abs(_x[i] - x) < 0.00001)
                return _y[i];
            if (_x[i] > x)
                return Interpolate(i - 1, i, x);
        }
        return Interpolate(n - 2, n - 1, x);
    }

    private double Interpolate(int j, int i, double x)
    {
        double den = _x[i] - _x[j];
        return den != 0.0 ? _y[j] + (x - _x[j]) / den * (_y[i] - _y[j]) : _y[i];
    }

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "npts": _points = DssValueReader.PositiveInt(value, property); break;
            case "xarray": _x = DssValueReader.Doubles(value, property); break;
            case "yarray": _y = DssValueReader.Doubles(value, property); break;
            case "points":
                double[] xy = DssValueReader.Doubles(value, property);
                if (xy.Length % 2 != 0)
                    throw new DssInputException(value.Location, $"{property}: expected x y pairs, got {xy.Length} values");
                _x = Enumerable.Range(0, xy.Length / 2).Select(k => xy[2 * k]).ToArray();
                _y = Enumerable.Range(0, xy.Length / 2).Select(k => xy[2 * k + 1]).ToArray();
                break;
            case "csvfile" or "sngfile" or "dblfile":
                throw new DssInputException(value.Location, $"{property}: curve files are not supported; give xarray= and yarray= or points=");
            case "x" or "y" or "xshift" or "yshift" or "xscale" or "yscale":
                DssValueReader.Double(value, property);
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for XYcurve");
        }
    }

    /// <summary>Check the arrays at compile time: both present and at least <c>npts</c> long.</summary>
    internal string? Problem()
    {
        if (_x.Length == 0 || _y.Length == 0)
            return "needs xarray= and yarray= (or points=)";
        if (_points is { } n && (_x.Length < n || _y.Length < n))
            return $"npts={n} but xarray has {_x.Length} and yarray {_y.Length} values";
        return null;
    }
}
