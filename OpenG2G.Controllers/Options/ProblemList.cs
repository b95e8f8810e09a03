using System.Globalization;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Options;

/// <summary>
/// Collects the problems of one options record with uniform wording
/// (<c>must be &gt; 0, got -0.5</c>), so that every controller reports bad values the same way.
/// </summary>
internal sealed class ProblemList
{
    private readonly List<ValidationProblem> _problems = new();

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public void Add(string path, string message) => _problems.Add(new ValidationProblem(path, message));

    /// <summary>Add a problem unless <paramref name="ok"/>.</summary>
    public void Check(bool ok, string path, string message)
    {
        if (!ok)
            Add(path, message);
    }

    /// <summary>Finite and strictly positive.</summary>
    public bool Positive(string path, double value)
    {
        if (!Finite(path, value))
            return false;
        Check(value > 0, path, $"must be > 0, got {Format(value)}");
        return value > 0;
    }

    /// <summary>Finite and not negative.</summary>
    public bool NonNegative(string path, double value)
    {
        if (!Finite(path, value))
            return false;
        Check(value >= 0, path, $"must be >= 0, got {Format(value)}");
        return value >= 0;
    }

    /// <summary>A finite number (not NaN or infinite).</summary>
    public bool Finite(string path, double value)
    {
        bool ok = double.IsFinite(value);
        Check(ok, path, $"must be a finite number, got {Format(value)}");
        return ok;
    }

    /// <summary>A voltage band: both limits positive and finite, minimum below maximum.</summary>
    public void Band(string minPath, double minPu, string maxPath, double maxPu)
    {
        bool okMin = Positive(minPath, minPu);
        bool okMax = Positive(maxPath, maxPu);
        if (okMin && okMax)
            Check(minPu < maxPu, maxPath, $"must be greater than {minPath} ({Format(minPu)}), got {Format(maxPu)}");
    }

    /// <summary>A non-empty name.</summary>
    public void Name(string path, string? value) =>
        Check(!string.IsNullOrWhiteSpace(value), path, "must not be empty");

    /// <summary>A schedule time: at or after the start of the run and a whole number of 100 ns ticks.</summary>
    public void ScheduleTime(string path, decimal atS)
    {
        if (atS < 0)
            Add(path, $"must be >= 0, got {Format(atS)}");
        else if (!Core.Time.TimeBase.TryToTicks(atS, out _))
            Add(path, $"must be a whole number of 100 ns ticks, got {Format(atS)}");
    }

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
