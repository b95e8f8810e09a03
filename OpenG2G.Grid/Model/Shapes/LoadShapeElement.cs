using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Shapes;

/// <summary>
/// A load shape (OpenDSS LoadShape): multipliers at a fixed interval (<c>interval</c> hours,
/// <c>sinterval</c> seconds or <c>minterval</c> minutes) or at given <c>hour</c>s, <c>npts</c> of
/// them. <c>mult</c> takes values in place or from a file (<c>mult=(file=name.txt)</c>, one value per
/// line, the first column of a CSV line), relative to the file naming it. <c>action=normalize</c>
/// scales the multipliers so that the largest is 1. A snapshot solve does not use shapes; loads
/// follow them over simulated time when a co-simulation asks for it.
/// </summary>
public sealed class LoadShapeElement : DssElement
{
    private static readonly string[] Names =
    [
        "npts", "interval", "mult", "hour", "mean", "stddev", "csvfile", "sngfile", "dblfile", "action", "qmult",
        "useactual", "pmax", "qmax", "sinterval", "minterval", "pbase", "qbase", "pmult", "pqcsvfile",
        "memorymapping", "like",
    ];

    private double[] _mult = [];
    private double[]? _hours;
    private int? _points;

    public LoadShapeElement(string name, SourceLocation definedAt)
        : base("LoadShape", name, definedAt)
    {
    }

    /// <summary>OpenDSS's built-in daily shape "default" (24 hourly points), which every new circuit has.</summary>
    internal static LoadShapeElement CreateDefault(SourceLocation at) => new("default", at)
    {
        _mult = [0.677, 0.6256, 0.6087, 0.5833, 0.58028, 0.6025, 0.657, 0.7477, 0.832, 0.88, 0.94, 0.989,
            0.985, 0.98, 0.9898, 0.999, 1.0, 0.958, 0.936, 0.913, 0.876, 0.876, 0.828, 0.756],
        _points = 24,
    };

    /// <summary>Interval between points in hours (0 when the points carry their own hours).</summary>
    public double IntervalHours { get; private set; } = 1.0;

    /// <summary>Multipliers in use (at most <c>npts</c>).</summary>
    public IReadOnlyList<double> Multipliers => _points is { } n && n < _mult.Length ? _mult[..n] : _mult;

    internal override IReadOnlyList<string> PropertyNames => Names;

    protected override void DeepCopyArrays()
    {
        _mult = (double[])_mult.Clone();
        _hours = (double[]?)_hours?.Clone();
    }

    /// <summary>
    /// The multiplier at <paramref name="hours"/> since the start, OpenDSS's way: with a fixed interval the
    /// point nearest hours/interval (1-based, wrapping around, point 0 being the last); with given hours,
    /// linear interpolation between points, wrapping around after the last hour. 1 when the shape is empty.
    /// </summary>
    public double MultiplierAt(double hours)
    {
        var m = Multipliers;
        int n = m.Count;
        if (n == 0)
            return 1.0;
        if (IntervalHours > 0 || _hours is null)
        {
            long index = (long)Math.Round(hours / IntervalHours, MidpointRounding.AwayFromZero);
            index %= n;
            if (index <= 0)
                index += n;
            return m[(int)index - 1];
        }
        int count = Math.Min(n, _hours.Length);
        double period = _hours[count - 1];
        double t = period > 0 && hours > period ? hours - period * Math.Floor(hours / period) : hours;
        if (t <= _hours[0])
            return m[0];
        for (int i = 1; i < count; i++)
        {
            if (t <= _hours[i])
            {
                double f = (t - _hours[i - 1]) / (_hours[i] - _hours[i - 1]);
                return m[i - 1] + f * (m[i] - m[i - 1]);
            }
        }
        return m[count - 1];
    }

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "npts": _points = DssValueReader.PositiveInt(value, property); break;
            case "interval": IntervalHours = NonNegative(value, property); break;
            case "sinterval": IntervalHours = NonNegative(value, property) / 3600.0; break;
            case "minterval": IntervalHours = NonNegative(value, property) / 60.0; break;
            case "mult" or "pmult": _mult = Numbers(value, property); break;
            case "hour":
                _hours = Numbers(value, property);
                IntervalHours = 0;
                break;
            case "action":
                string action = value.Text.Trim().ToLowerInvariant();
                if (action.StartsWith('n'))
                {
                    double max = _mult.Length == 0 ? 0 : _mult.Max(Math.Abs);
                    if (max > 0)
                        _mult = _mult.Select(x => x / max).ToArray();
                }
                else if (!(action.StartsWith('d') || action.StartsWith('s')))
                {
                    throw new DssInputException(value.Location, $"{property}: expected normalize, dblsave or sngsave, got '{value}'");
                }
                break;
            case "csvfile":
                _mult = ReadFile(value, property, value.Text);
                break;
            case "sngfile" or "dblfile" or "pqcsvfile":
                throw new DssInputException(value.Location, $"{property}: binary and P/Q shape files are not supported; use mult=(file=name.txt) or csvfile=");
            case "qmult" or "mean" or "stddev" or "useactual" or "pmax" or "qmax" or "pbase" or "qbase" or "memorymapping":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for LoadShape yet");
        }
    }

    private static double NonNegative(DssValue value, string property)
    {
        double x = DssValueReader.Double(value, property);
        if (x < 0)
            throw new DssInputException(value.Location, $"{property}: must be >= 0, got '{value}'");
        return x;
    }

    private static double[] Numbers(DssValue value, string property)
    {
        string text = value.Text.Trim();
        int eq = text.IndexOf('=');
        if (eq > 0)
        {
            string key = text[..eq].Trim().ToLowerInvariant();
            string file = text[(eq + 1)..].Trim();
            if (key is "file" or "csvfile")
                return ReadFile(value, property, file);
            throw new DssInputException(value.Location, $"{property}: '{key}=' files are not supported; use (file=name.txt)");
        }
        return DssValueReader.Doubles(value, property);
    }

    private static double[] ReadFile(DssValue value, string property, string file)
    {
        string directory = Path.GetDirectoryName(value.Location.File) ?? string.Empty;
        string path = Path.GetFullPath(Path.Combine(directory, file.Trim('"', '\'')));
        if (!File.Exists(path))
            throw new DssInputException(value.Location, $"{property}: file '{file}' not found (looked for {path})");
        var values = new List<double>();
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0)
                continue;
            string first = line.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0];
            if (!double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
                throw new DssInputException(value.Location, $"{property}: {file}:{lineNumber}: expected a finite number, got '{first}'");
            values.Add(x);
        }
        return values.ToArray();
    }
}
