using System.Globalization;
using System.Text.Json;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Scenarios.Results;

/// <summary>The headline numbers of one run, read back from its <c>summary.json</c>.</summary>
public sealed record SummaryRow(
    string Run,
    string Status,
    double ViolationTimeS,
    double IntegralViolationPuS,
    double WorstVminPu,
    double WorstVmaxPu,
    double MeanThroughputTokensPerS,
    double ItlDeadlineMissFraction,
    double MeanPowerKw,
    long Commands,
    double WallTimeS,
    string Folder,
    double BandMinPu,
    double BandMaxPu);

/// <summary>
/// Compares runs: reads the <c>summary.json</c> of run folders and writes one row per run, labelled by
/// its folder (so several runs of one scenario stay apart), as a Markdown or CSV table (what <c>scenarios/README.md</c>'s results table is). A folder without a
/// summary, or a summary that is not valid JSON or lacks a key, is reported with its file (and line
/// and column for JSON errors); every bad folder is reported, not just the first.
/// </summary>
public static class SummaryTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Header =
    [
        "run", "status", "violation_time_s", "integral_violation_pu_s", "worst_vmin_pu", "worst_vmax_pu",
        "mean_throughput_tokens_per_s", "itl_deadline_miss_fraction", "mean_power_kw", "commands", "wall_time_s",
    ];

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
        string folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
        JsonElement root = doc.RootElement;
        JsonElement voltage = Get(root, "voltage"), service = Get(root, "service"), run = Get(root, "run");
        return new SummaryRow(
            folderName,
            Text(run, "status"),
            Number(voltage, "violation_time_s"),
            Number(voltage, "integral_violation_pu_s"),
            Number(voltage, "worst_vmin_pu"),
            Number(voltage, "worst_vmax_pu"),
            Number(service, "mean_throughput_tokens_per_s"),
            Number(service, "itl_deadline_miss_fraction"),
            Number(Get(root, "datacenter"), "mean_power_kw"),
            Whole(run, "commands"),
            Number(run, "wall_time_s"),
            folder,
            Number(voltage, "v_min_pu"),
            Number(voltage, "v_max_pu"));

        static JsonElement Get(JsonElement e, string key) =>
            e.TryGetProperty(key, out JsonElement v) ? v : throw new KeyNotFoundException($"missing key '{key}'");

        // Summaries write NaN (nothing measured) as null; anything else but a number is wrong.
        static double Number(JsonElement e, string key) => Get(e, key) switch
        {
            { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
            { ValueKind: JsonValueKind.Null } => double.NaN,
            var v => throw WrongType(key, v, "a number or null"),
        };

        static long Whole(JsonElement e, string key) =>
            Get(e, key) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out long n) ? n : throw WrongType(key, Get(e, key), "a whole number");

        static string Text(JsonElement e, string key) =>
            Get(e, key) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw WrongType(key, Get(e, key), "a string");

        static InvalidOperationException WrongType(string key, JsonElement v, string expected) =>
            new($"'{key}' is {v.GetRawText()}, expected {expected}");
    }

    /// <summary>A Markdown table, values rounded for reading (throughput in k tok/s, misses in %).</summary>
    public static void WriteMarkdown(TextWriter w, IReadOnlyList<SummaryRow> rows)
    {
        w.WriteLine("| run | status | violation time (s) | integral violation (pu·s) | worst vmin (pu) | worst vmax (pu) | mean throughput (k tok/s) | ITL misses | mean DC power (kW) | commands | wall (s) |");
        w.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (SummaryRow r in rows)
        {
            w.WriteLine(string.Join(" | ",
                "| `" + r.Run + "`", r.Status, F(r.ViolationTimeS, "F1"), F(r.IntegralViolationPuS, "F4"), F(r.WorstVminPu, "F4"), F(r.WorstVmaxPu, "F4"),
                F(r.MeanThroughputTokensPerS / 1000, "F1"), F(r.ItlDeadlineMissFraction * 100, "F2") + " %", F(r.MeanPowerKw, "F0"),
                r.Commands.ToString(Inv), F(r.WallTimeS, "F2")) + " |");
        }
    }

    /// <summary>CSV with the summary's own key names and full precision (NaN left empty).</summary>
    public static void WriteCsv(TextWriter w, IReadOnlyList<SummaryRow> rows)
    {
        w.WriteLine(string.Join(',', Header));
        foreach (SummaryRow r in rows)
        {
            w.WriteLine(string.Join(',',
                Csv(r.Run), Csv(r.Status), R(r.ViolationTimeS), R(r.IntegralViolationPuS), R(r.WorstVminPu), R(r.WorstVmaxPu),
                R(r.MeanThroughputTokensPerS), R(r.ItlDeadlineMissFraction), R(r.MeanPowerKw), r.Commands.ToString(Inv), R(r.WallTimeS)));
        }
    }

    private static string F(double value, string format) => double.IsFinite(value) ? value.ToString(format, Inv) : "n/a";

    private static string R(double value) => double.IsFinite(value) ? value.ToString("R", Inv) : "";

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
