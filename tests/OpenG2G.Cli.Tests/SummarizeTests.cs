using System.Globalization;
using System.Text.Json;

namespace OpenG2G.Cli.Tests;

/// <summary><c>openg2g summarize</c> over real run folders, checked against the summaries' own JSON.</summary>
public class SummarizeTests
{
    private static string ShortRun(string dir, string name, string source)
    {
        string output = Path.Combine(dir, name);
        CliProcess.Result r = CliProcess.Run("run", "scenarios/ieee13/ofo.yaml", "--set", "duration_s=5", "--set", "grid.source_pu=" + source,
            "--set", "outputs.bus_voltages=false", "--no-plots", "--quiet", "--out", output);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return output;
    }

    private static JsonElement Json(string run) => JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json"))).RootElement;

    [Fact]
    public void Csv_rows_carry_each_summary_at_full_precision_in_the_order_given()
    {
        using var temp = CliProcess.TempFolder("summarize");
        string dir = temp.Path;
        string low = ShortRun(dir, "low", "0.97"), nominal = ShortRun(dir, "nominal", "1.0");

        CliProcess.Result r = CliProcess.Run("summarize", nominal, low, "--csv");

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(3, lines.Length);
        string[] header = lines[0].Split(',');
        foreach (var (line, run) in new[] { (lines[1], nominal), (lines[2], low) })
        {
            string[] cells = line.Split(',');
            JsonElement s = Json(run);
            // Labelled by folder: both runs are of ieee13-ofo, and only the folder tells them apart.
            Assert.Equal(Path.GetFileName(run), cells[0]);
            Assert.Equal("completed", cells[Array.IndexOf(header, "run.status")]);
            foreach (var (section, key) in new[] { ("voltage", "integral_violation_pu_s"), ("voltage", "worst_vmin_pu"), ("service", "mean_throughput_tokens_per_s"), ("service", "nominal_throughput_tokens_per_s"), ("service", "energy_per_token_j"), ("datacenter", "mean_power_kw") })
                Assert.Equal(s.GetProperty(section).GetProperty(key).GetDouble(), double.Parse(cells[Array.IndexOf(header, section + "." + key)], CultureInfo.InvariantCulture));
            Assert.Equal(s.GetProperty("run").GetProperty("commands").GetInt64(), long.Parse(cells[Array.IndexOf(header, "run.commands")], CultureInfo.InvariantCulture));
        }
        // The 0.97 pu source puts the feeder under the band from the start.
        Assert.True(Json(low).GetProperty("voltage").GetProperty("integral_violation_pu_s").GetDouble() > 0);
    }

    [Fact]
    public void Markdown_is_the_default_with_one_row_per_run()
    {
        using var temp = CliProcess.TempFolder("summarize-md");
        string dir = temp.Path;
        string run = ShortRun(dir, "one", "0.97");
        double integral = Json(run).GetProperty("voltage").GetProperty("integral_violation_pu_s").GetDouble();

        CliProcess.Result r = CliProcess.Run("summarize", run);

        Assert.Equal(0, r.ExitCode);
        string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("| run | status | violation time (s) | integral violation (pu·s) |", lines[0], StringComparison.Ordinal);
        string[] cells = lines[2].Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal("`one`", cells[1]);
        Assert.Equal(integral.ToString("F4", CultureInfo.InvariantCulture), cells[4]);
    }

    [Fact]
    public void Every_folder_that_is_not_a_readable_run_is_reported_and_exits_2()
    {
        using var temp = CliProcess.TempFolder("summarize-bad");
        string dir = temp.Path;
        string empty = Path.Combine(dir, "empty");
        Directory.CreateDirectory(empty);
        string broken = Path.Combine(dir, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "summary.json"), "{\n  \"voltage\": {\n    \"violation_time_s\": ,\n");

        // A real summary with one value of the wrong type.
        string good = ShortRun(dir, "good", "0.97");
        string mistyped = Path.Combine(dir, "mistyped");
        Directory.CreateDirectory(mistyped);
        File.WriteAllText(Path.Combine(mistyped, "summary.json"),
            File.ReadAllText(Path.Combine(good, "summary.json")).Replace("\"commands\": ", "\"commands\": \"many\", \"was\": ", StringComparison.Ordinal));

        CliProcess.Result r = CliProcess.Run("summarize", empty, broken, mistyped);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal(3, r.ErrorLines.Count);
        Assert.Equal($"{Path.Combine(mistyped, "summary.json")}: not an openg2g summary: 'commands' is \"many\", expected a whole number", r.ErrorLines[2]);
        Assert.Equal($"{empty}: no summary.json here: not a run folder (openg2g run writes one into every run folder)", r.ErrorLines[0]);
        Assert.StartsWith($"{Path.Combine(broken, "summary.json")}:3:", r.ErrorLines[1], StringComparison.Ordinal);
        Assert.Contains("not valid JSON", r.ErrorLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_draws_the_runs_into_one_png_and_refuses_a_run_without_a_grid_table()
    {
        using var temp = CliProcess.TempFolder("summarize-plot");
        string dir = temp.Path;
        string run = ShortRun(dir, "one", "0.97");
        string png = Path.Combine(dir, "compare.png");

        CliProcess.Result ok = CliProcess.Run("summarize", run, "--plot", png);

        Assert.True(ok.ExitCode == 0, ok.Stderr);
        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);

        string gridless = Path.Combine(dir, "gridless");
        Directory.CreateDirectory(gridless);
        File.Copy(Path.Combine(run, "summary.json"), Path.Combine(gridless, "summary.json"));
        CliProcess.Result bad = CliProcess.Run("summarize", run, gridless, "--plot", Path.Combine(dir, "bad.png"));

        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("", bad.Stdout);
        Assert.Equal([$"{gridless}: no grid.parquet here: the run has no grid table to plot"], bad.ErrorLines);
        Assert.False(File.Exists(Path.Combine(dir, "bad.png")));
    }
}
