using System.Globalization;
using System.Text.Json;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Results.Summary;

namespace OpenG2G.Scenarios.Results;

/// <summary>One run's summary as read back from its <c>summary.json</c>: every scalar of <see cref="SummaryFields.Run"/> by path.</summary>
public sealed record SummaryRow(string Run, string Folder, IReadOnlyDictionary<string, SummaryValue> Values)
{
    public double Number(string path) => Values[path].AsDouble;

    public double BandMinPu => Number("voltage.v_min_pu");

    public double BandMaxPu => Number("voltage.v_max_pu");
}

/// <summary>
/// Compares runs: reads the <c>summary.json</c> of run folders and writes one row per run, labelled by its folder
/// (so several runs of one scenario stay apart), as a Markdown table of the headline fields or a CSV of every scalar
/// field (what <c>scenarios/README.md</c>'s results table is). A folder without a summary, or a summary that is not
/// valid JSON, lacks a key or has a value of the wrong type, is reported with its file (and line and column for JSON
/// errors); every bad folder is reported, not just the first.
/// </summary>
public static class SummaryTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The rows of <paramref name="runFolders"/>, in the order given.</summary>
    public static IReadOnlyList<SummaryRow> Read(IEnumerable<string> runFolders)
    {
        var rows = new List<SummaryRow>();
        var problems = new List<Diagnostic>();
        foreach (string folder in runFolders)
        {
            string file = Path.Combine(folder, SummaryWriter.FileName);
            if (!File.Exists(file))
            {
                problems.Add(Diagnostic.Error(new SourceLocation(folder, 0, 0), "", "no summary.json here: not a run folder (openg2g run writes one into every run folder)"));
                continue;
            }
            try
            {
                rows.Add(Parse(file, folder));
            }
            catch (JsonException e)
            {
                int line = (int)(e.LineNumber ?? -1) + 1, column = (int)(e.BytePositionInLine ?? -1) + 1;
                problems.Add(Diagnostic.Error(new SourceLocation(file, Math.Max(line, 1), Math.Max(column, 1)), "", "not valid JSON: " + e.Message));
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                // A missing key, or a value of the wrong JSON type (a string where a number belongs).
                problems.Add(Diagnostic.Error(new SourceLocation(file, 0, 0), "", "not an openg2g summary: " + e.Message));
            }
        }
        if (problems.Count > 0)
            throw new InvalidInputException(problems);
        return Disambiguated(rows);
    }

    /// <summary>Rows are labelled by their folder's name; folders of the same name (a/x, b/x) by the path as given.</summary>
    private static List<SummaryRow> Disambiguated(List<SummaryRow> rows)
    {
        var shared = rows.GroupBy(r => r.Run, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return rows.Select(r => shared.Contains(r.Run) ? r with { Run = Path.TrimEndingDirectorySeparator(r.Folder) } : r).ToList();
    }

    private static SummaryRow Parse(string file, string folder)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
        var values = new Dictionary<string, SummaryValue>(StringComparer.Ordinal);
        foreach (SummaryField<RunSummary> field in SummaryFields.Run)
            values[field.Path] = Read(doc.RootElement, field);
        return new SummaryRow(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder, values);
    }

    private static SummaryValue Read(JsonElement root, SummaryField<RunSummary> field)
    {
        JsonElement e = root;
        foreach (string key in field.Path.Split('.'))
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(key, out e))
                throw new KeyNotFoundException($"missing key '{field.Path}'");
        }
        return (field.Type, e.ValueKind) switch
        {
            (SummaryValueType.Number, JsonValueKind.Number) => SummaryValue.Of(e.GetDouble()),
            // Summaries write NaN (nothing measured) as null.
            (SummaryValueType.Number, JsonValueKind.Null) => SummaryValue.Of(double.NaN),
            (SummaryValueType.Whole, JsonValueKind.Number) when e.TryGetUInt64(out ulong n) => SummaryValue.Of(n),
            (SummaryValueType.Text, JsonValueKind.String) => SummaryValue.Of(e.GetString()),
            (SummaryValueType.Text, JsonValueKind.Null) => SummaryValue.Of((string?)null),
            (SummaryValueType.Flag, JsonValueKind.True or JsonValueKind.False) => SummaryValue.Of(e.GetBoolean()),
            _ => throw new InvalidOperationException($"'{field.Key}' is {e.GetRawText()}, expected {Expected(field.Type)}"),
        };
    }

    private static string Expected(SummaryValueType type) => type switch
    {
        SummaryValueType.Number => "a number or null",
        SummaryValueType.Whole => "a whole number",
        SummaryValueType.Text => "a string",
        _ => "true or false",
    };

    /// <summary>A Markdown table of the headline fields, values rounded for reading (throughput in k tok/s, misses in %).</summary>
    public static void WriteMarkdown(TextWriter w, IReadOnlyList<SummaryRow> rows)
    {
        // The status right after the run's name, where a reader looks first; the other headlines in file order.
        var columns = SummaryFields.Run.Where(f => f.Headline is not null).OrderBy(f => f.Path == "run.status" ? 0 : 1).ToList();
        w.WriteLine("| run | " + string.Join(" | ", columns.Select(f => f.Headline!.Title)) + " |");
        w.WriteLine("|---|" + string.Concat(columns.Select(_ => "---|")));
        foreach (SummaryRow r in rows)
            w.WriteLine("| `" + r.Run + "` | " + string.Join(" | ", columns.Select(f => Display(r.Values[f.Path], f.Headline!))) + " |");
    }

    /// <summary>CSV of every scalar field, headed by the summary's key paths, at full precision (NaN and null left empty).</summary>
    public static void WriteCsv(TextWriter w, IReadOnlyList<SummaryRow> rows)
    {
        w.WriteLine("run," + string.Join(',', SummaryFields.Run.Select(f => f.Path)));
        foreach (SummaryRow r in rows)
            w.WriteLine(Csv(r.Run) + "," + string.Join(',', SummaryFields.Run.Select(f => Csv(r.Values[f.Path].ToString()))));
    }

    /// <summary>A value as a headline column shows it: scaled and formatted, <c>n/a</c> when not finite.</summary>
    public static string Display(SummaryValue v, SummaryHeadline h)
    {
        if (v.Type is SummaryValueType.Text or SummaryValueType.Flag)
            return v.ToString();
        if (v.Type == SummaryValueType.Whole && h.Format.Length == 0)
            return v.Whole.ToString(Inv);
        double x = v.AsDouble * h.Scale;
        return double.IsFinite(x) ? x.ToString(h.Format.Length == 0 ? "R" : h.Format, Inv) + h.Suffix : "n/a";
    }

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
