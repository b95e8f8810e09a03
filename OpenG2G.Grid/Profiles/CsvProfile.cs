using System.Globalization;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Grid.Profiles;

/// <summary>
/// A profile from a CSV file with header <c>time_s,value</c>: linear interpolation between rows,
/// the first and last values held outside them. Times must increase strictly.
/// </summary>
public sealed class CsvProfile : IProfile
{
    private readonly double[] _times;
    private readonly double[] _values;

    private CsvProfile(double[] times, double[] values)
    {
        _times = times;
        _values = values;
    }

    /// <summary>Read <paramref name="path"/>; throws <see cref="InvalidInputException"/> with file:line for every bad row.</summary>
    public static CsvProfile Read(string path)
    {
        var problems = new List<Diagnostic>();
        if (!File.Exists(path))
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty, "profile file not found"));
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Replace(" ", "").ToLowerInvariant() != "time_s,value")
            problems.Add(Diagnostic.Error(new SourceLocation(path, 1, 1), string.Empty, "expected the header 'time_s,value'"));
        var times = new List<double>();
        var values = new List<double>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
                continue;
            string[] f = lines[i].Split(',');
            if (f.Length != 2
                || !double.TryParse(f[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double t)
                || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                || !double.IsFinite(t) || !double.IsFinite(v))
            {
                problems.Add(Diagnostic.Error(new SourceLocation(path, i + 1, 1), string.Empty, $"expected two finite numbers 'time_s,value', got '{lines[i]}'"));
                continue;
            }
            if (times.Count > 0 && t <= times[^1])
            {
                problems.Add(Diagnostic.Error(new SourceLocation(path, i + 1, 1), string.Empty, $"time {f[0]} s does not increase (previous row {times[^1].ToString(CultureInfo.InvariantCulture)} s)"));
                continue;
            }
            times.Add(t);
            values.Add(v);
        }
        if (times.Count == 0 && problems.Count == 0)
            problems.Add(Diagnostic.Error(new SourceLocation(path, 1, 1), string.Empty, "the profile has no rows"));
        if (problems.Count > 0)
            throw new InvalidInputException(problems);
        return new CsvProfile(times.ToArray(), values.ToArray());
    }

    public double ValueAt(double timeS)
    {
        if (timeS <= _times[0])
            return _values[0];
        if (timeS >= _times[^1])
            return _values[^1];
        int hi = Array.BinarySearch(_times, timeS);
        if (hi >= 0)
            return _values[hi];
        hi = ~hi;
        int lo = hi - 1;
        double f = (timeS - _times[lo]) / (_times[hi] - _times[lo]);
        return _values[lo] + f * (_values[hi] - _values[lo]);
    }
}
