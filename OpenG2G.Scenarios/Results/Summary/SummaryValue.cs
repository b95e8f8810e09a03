using System.Globalization;

namespace OpenG2G.Scenarios.Results.Summary;

/// <summary>The JSON type of a summary value.</summary>
public enum SummaryValueType
{
    /// <summary>A double; NaN is written as null.</summary>
    Number,

    /// <summary>A whole number &gt;= 0 (counts, the seed).</summary>
    Whole,

    /// <summary>A string, or null.</summary>
    Text,

    /// <summary>true or false.</summary>
    Flag,
}

/// <summary>One value of <c>summary.json</c>, of the type its field declares.</summary>
public readonly record struct SummaryValue(SummaryValueType Type, double Number, ulong Whole, string? Text, bool Flag)
{
    public static SummaryValue Of(double value) => new(SummaryValueType.Number, value, 0, null, false);

    public static SummaryValue Of(ulong value) => new(SummaryValueType.Whole, value, value, null, false);

    public static SummaryValue Of(long value) => Of(checked((ulong)value));

    public static SummaryValue Of(string? value) => new(SummaryValueType.Text, double.NaN, 0, value, false);

    public static SummaryValue Of(bool value) => new(SummaryValueType.Flag, value ? 1 : 0, 0, null, value);

    /// <summary>The value as a double (whole numbers and flags converted; NaN for text).</summary>
    public double AsDouble => Type switch
    {
        SummaryValueType.Whole => Whole,
        SummaryValueType.Flag => Flag ? 1 : 0,
        _ => Number,
    };

    /// <summary>Invariant text at full precision: round-trip doubles, empty for NaN or null.</summary>
    public override string ToString() => Type switch
    {
        SummaryValueType.Number => double.IsFinite(Number) ? Number.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        SummaryValueType.Whole => Whole.ToString(CultureInfo.InvariantCulture),
        SummaryValueType.Flag => Flag ? "true" : "false",
        _ => Text ?? string.Empty,
    };
}
