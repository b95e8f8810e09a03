using System.Globalization;
using OpenG2G.Scenarios.Results;
using ScottPlot;

namespace OpenG2G.Learning.Evaluation;

/// <summary>
/// The evaluation's outputs: <c>heldout.parquet</c> (one row per scenario and case), <c>heldout.png</c>
/// (violation integral and reported throughput per scenario, one series per case) and a Markdown table of
/// each case's means over the scenarios.
/// </summary>
public static class HeldOutWriter
{
    public const string ParquetName = "heldout.parquet";
    public const string PngName = "heldout.png";
    public const string CsvName = "heldout.csv";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteParquet(string path, IReadOnlyList<HeldOutRow> rows)
    {
        using var table = new ParquetTable(path, Math.Max(rows.Count, 1));
        IntColumn scenario = table.AddInt("scenario");
        StringColumn seed = table.AddString("seed");
        StringColumn name = table.AddString("case");
        DoubleColumn time = table.AddDouble("violation_time_s");
        DoubleColumn integral = table.AddDouble("integral_violation_pu_s");
        DoubleColumn vmin = table.AddDouble("worst_vmin_pu");
        DoubleColumn vmax = table.AddDouble("worst_vmax_pu");
        DoubleColumn mean = table.AddDouble("mean_throughput_tokens_per_s");
        DoubleColumn nominal = table.AddDouble("nominal_throughput_tokens_per_s");
        DoubleColumn misses = table.AddDouble("itl_deadline_miss_fraction");
        DoubleColumn power = table.AddDouble("mean_power_kw");
        IntColumn commands = table.AddInt("commands");
        StringColumn overrides = table.AddString("overrides");
        foreach (HeldOutRow r in rows)
        {
            scenario.Set(r.Scenario);
            seed.Set(r.Seed.ToString(Inv));
            name.Set(r.Case);
            time.Set(r.ViolationTimeS);
            integral.Set(r.IntegralViolationPuS);
            vmin.Set(r.WorstVminPu);
            vmax.Set(r.WorstVmaxPu);
            mean.Set(r.MeanThroughputTokensPerS);
            nominal.Set(r.NominalThroughputTokensPerS);
            misses.Set(r.ItlDeadlineMissFraction);
            power.Set(r.MeanPowerKw);
            commands.Set(checked((int)r.Commands));
            overrides.Set(r.Overrides);
            table.EndRow();
        }
    }

    /// <summary>The same table as CSV at full precision (the overrides column quoted).</summary>
    public static void WriteCsv(string path, IReadOnlyList<HeldOutRow> rows)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("scenario,seed,case,violation_time_s,integral_violation_pu_s,worst_vmin_pu,worst_vmax_pu,mean_throughput_tokens_per_s,nominal_throughput_tokens_per_s,itl_deadline_miss_fraction,mean_power_kw,commands,overrides");
        foreach (HeldOutRow r in rows)
        {
            w.WriteLine(string.Join(',', r.Scenario.ToString(Inv), r.Seed.ToString(Inv), r.Case, R(r.ViolationTimeS), R(r.IntegralViolationPuS), R(r.WorstVminPu), R(r.WorstVmaxPu),
                R(r.MeanThroughputTokensPerS), R(r.NominalThroughputTokensPerS), R(r.ItlDeadlineMissFraction), R(r.MeanPowerKw), r.Commands.ToString(Inv),
                "\"" + r.Overrides.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        }

        static string R(double x) => double.IsFinite(x) ? x.ToString("R", Inv) : "";
    }

    public static void WritePng(string path, IReadOnlyList<HeldOutRow> rows)
    {
        var multi = new Multiplot();
        multi.AddPlots(2);
        Plot violation = multi.GetPlot(0), throughput = multi.GetPlot(1);
        violation.Title("Held-out scenarios: integral voltage violation");
        violation.YLabel("pu·s (log10 of 1e-4 + value)");
        throughput.Title("Held-out scenarios: mean reported throughput");
        throughput.YLabel("M tokens/s");
        foreach (IGrouping<string, HeldOutRow> c in rows.GroupBy(r => r.Case))
        {
            double[] x = c.Select(r => (double)r.Scenario).ToArray();
            var v = violation.Add.Scatter(x, c.Select(r => Math.Log10(1e-4 + r.IntegralViolationPuS)).ToArray());
            v.LegendText = c.Key;
            var t = throughput.Add.Scatter(x, c.Select(r => r.MeanThroughputTokensPerS / 1e6).ToArray());
            t.LegendText = c.Key;
        }
        foreach (Plot p in new[] { violation, throughput })
        {
            p.XLabel("held-out scenario");
            p.ShowLegend();
        }
        multi.SavePng(path, 1200, 1100);
    }

    /// <summary>
    /// Per case: mean over scenarios of each metric, and on how many scenarios it beats <paramref name="reference"/>:
    /// a lower integral violation, or an equal one (both none, typically) with a higher measured throughput.
    /// </summary>
    public static void WriteMarkdown(TextWriter w, IReadOnlyList<HeldOutRow> rows, string reference = "baseline")
    {
        var byScenario = rows.Where(r => r.Case == reference).ToDictionary(r => r.Scenario);
        w.WriteLine($"| case | mean violation time (s) | mean integral violation (pu·s) | mean measured throughput (k tok/s) | mean ITL misses | mean DC power (kW) | beats {reference} (lower violation, or equal and more throughput) |");
        w.WriteLine("|---|---|---|---|---|---|---|");
        foreach (IGrouping<string, HeldOutRow> c in rows.GroupBy(r => r.Case))
        {
            int better = c.Count(r => byScenario.TryGetValue(r.Scenario, out HeldOutRow? b) && Beats(r, b));
            w.WriteLine(string.Create(Inv, $"| `{c.Key}` | {c.Average(r => r.ViolationTimeS):F1} | {c.Average(r => r.IntegralViolationPuS):F4} | {c.Average(r => r.MeanThroughputTokensPerS) / 1e3:F1} | {c.Average(r => r.ItlDeadlineMissFraction) * 100:F2} % | {c.Average(r => r.MeanPowerKw):F0} | {(c.Key == reference ? "-" : $"{better}/{c.Count()}")} |"));
        }
    }

    /// <summary>Lower integral violation, or the same one and a higher measured throughput.</summary>
    public static bool Beats(HeldOutRow row, HeldOutRow reference) =>
        row.IntegralViolationPuS < reference.IntegralViolationPuS
        || (row.IntegralViolationPuS == reference.IntegralViolationPuS && row.MeanThroughputTokensPerS > reference.MeanThroughputTokensPerS);
}
