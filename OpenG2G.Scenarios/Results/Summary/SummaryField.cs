namespace OpenG2G.Scenarios.Results.Summary;

/// <summary>
/// One scalar of <c>summary.json</c>: its key path (<c>voltage.violation_time_s</c>, or a key of a per-model or
/// per-job object), JSON type, unit, meaning and how to get it. Every writer and reader of summaries goes
/// through <see cref="SummaryFields"/>, so a key is spelled once.
/// </summary>
/// <param name="Path">Dot-separated key path.</param>
/// <param name="Type">JSON type.</param>
/// <param name="Unit">Unit (<c>s</c>, <c>pu</c>, <c>tokens/s</c>, ...; empty for counts and text; <c>1</c> for fractions).</param>
/// <param name="Description">What it means, for documentation and tables.</param>
/// <param name="Get">The value of one run (or model, or job).</param>
/// <param name="Headline">How the comparison table shows it; null when it is not a headline column.</param>
public sealed record SummaryField<T>(
    string Path,
    SummaryValueType Type,
    string Unit,
    string Description,
    Func<T, SummaryValue> Get,
    SummaryHeadline? Headline = null)
{
    /// <summary>The last segment of <see cref="Path"/> (the JSON key inside its object).</summary>
    public string Key => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The object the key lives in (<c>voltage</c>), empty at the top level.</summary>
    public string Group => Path.LastIndexOf('.') is int i and >= 0 ? Path[..i] : string.Empty;
}

/// <summary>How a headline field appears in a Markdown table: title, scale applied, .NET number format, suffix.</summary>
public sealed record SummaryHeadline(string Title, string Format, double Scale = 1.0, string Suffix = "");
