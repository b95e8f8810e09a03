using System.Globalization;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>The column type of a swept parameter: every value of an axis has one.</summary>
public enum SweepValueType
{
    Integer,
    Number,
    Text,
}

/// <summary>
/// One value of a swept parameter: its YAML text (what the run's override sets) and its typed form for the
/// results table. Quoted YAML values are text even when they look like numbers (bus names such as <c>"671"</c>).
/// </summary>
public readonly record struct SweepValue(SweepValueType Type, string Text, double Number, long Integer)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static SweepValue OfNumber(double value) => new(SweepValueType.Number, value.ToString("R", Inv), value, 0);

    public static SweepValue OfInteger(long value) => new(SweepValueType.Integer, value.ToString(Inv), value, value);

    public static SweepValue OfText(string value) => new(SweepValueType.Text, value, double.NaN, 0);

    /// <summary>A YAML scalar: text when quoted, else an integer or a number when it parses as one, else text.</summary>
    public static SweepValue Parse(string text, bool quoted)
    {
        if (!quoted && long.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out long i))
            return OfInteger(i);
        if (!quoted && double.TryParse(text, NumberStyles.Float, Inv, out double d) && double.IsFinite(d))
            return OfNumber(d);
        return OfText(text);
    }

    /// <summary>The override value: YAML text of the value (text quoted so the scenario reads it as written).</summary>
    public string OverrideText => Type == SweepValueType.Text ? "'" + Text.Replace("'", "''", StringComparison.Ordinal) + "'" : Text;

    /// <summary>The value in arithmetic (derived expressions); NaN for text.</summary>
    public double AsDouble => Type switch
    {
        SweepValueType.Integer => Integer,
        SweepValueType.Number => Number,
        _ => double.NaN,
    };
}
