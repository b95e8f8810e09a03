using System.Globalization;
using System.Text.Json;

namespace OpenG2G.Cli.Tests.Running;

/// <summary>
/// Ctrl-C on a running <c>openg2g run</c>, as a user sends it: the first SIGINT stops the run at the next
/// instant with every table closed and readable (checked with DuckDB), a summary marked interrupted, exit
/// 130; a second one quits at once and still leaves no unreadable file under a <c>.parquet</c> name.
/// </summary>
public class InterruptTests
{
    // Ten times the shipped study: long enough (over 10 s here) that the signal lands mid-run.
    private static readonly string[] LongRun = ["run", "scenarios/ieee13/ofo.yaml", "--set", "duration_s=36000"];

    [PosixFact]
    public void The_first_sigint_stops_at_the_next_instant_and_keeps_every_table_readable()
    {
        using var temp = CliProcess.TempFolder("sigint");
        string dir = temp.Path;
        using CliProcess.Running run = CliProcess.Start([.. LongRun, "--out", dir]);
        WaitUntilSimulating(run, dir);

        Signals.Send(run.Id, Signals.SigInt);
        CliProcess.Result r = run.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.Equal(130, r.ExitCode);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        JsonElement s = summary.RootElement.GetProperty("run");
        Assert.Equal("interrupted", s.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("error").ValueKind);
        double reached = s.GetProperty("simulated_time_s").GetDouble();
        Assert.InRange(reached, 0.1, 35999.9);
        Assert.Equal(
            [
                "interrupted: stopping at the next simulated instant and writing the results so far (again to quit at once)",
                string.Create(CultureInfo.InvariantCulture, $"interrupted at t = {reached:0.###} s of 36000 s; results so far (summary marked interrupted): {dir}"),
            ],
            r.ErrorLines);

        // Every table readable by an independent reader, with exactly the rows of the instants simulated.
        long solves = s.GetProperty("grid_solves").GetInt64();
        Assert.Equal((long)Math.Round(reached * 10) + 1, solves);
        string[] parquet = Directory.GetFiles(dir, "*.parquet").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(9, parquet.Length);
        foreach (string file in parquet)
            Assert.True(DuckDb.Count(file) >= 0);
        Assert.Equal(solves, DuckDb.Count(Path.Combine(dir, "grid.parquet")));
        Assert.Equal(41 * solves, DuckDb.Count(Path.Combine(dir, "bus_voltages.parquet")));
        Assert.Equal(s.GetProperty("datacenter_steps").GetInt64(), DuckDb.Count(Path.Combine(dir, "datacenter_power.parquet")));
        Assert.Equal(reached, Convert.ToDouble(DuckDb.Scalar($"SELECT max(time_s) FROM read_parquet('{Path.Combine(dir, "grid.parquet")}')"), CultureInfo.InvariantCulture));
        Assert.Empty(Directory.GetFiles(dir, "*.partial"));
        Assert.True(File.Exists(Path.Combine(dir, "voltage_envelope.png")), "plots of the interrupted run are drawn");
        Assert.Contains(File.ReadLines(Path.Combine(dir, "run.log")), l => l.Contains("interrupted at t=", StringComparison.Ordinal));
    }

    /// <summary>
    /// The second signal must arrive while the clean stop is still writing; on a loaded machine the clean stop
    /// can finish first (then the run ends as after one signal, which is right too). Up to three tries, the
    /// later ones with a shorter gap; at least one must quit at once.
    /// </summary>
    [PosixFact]
    public void A_second_sigint_quits_at_once_and_leaves_no_unreadable_parquet_file()
    {
        const string Stopping = "interrupted: stopping at the next simulated instant and writing the results so far (again to quit at once)";
        foreach (int gapMs in new[] { 20, 1, 1 })
        {
            using var temp = CliProcess.TempFolder("sigint-twice");
            string dir = temp.Path;
            using CliProcess.Running run = CliProcess.Start([.. LongRun, "--out", dir, "--quiet"]);
            WaitUntilSimulating(run, dir);

            Signals.Send(run.Id, Signals.SigInt);
            Thread.Sleep(gapMs);
            Signals.Send(run.Id, Signals.SigInt);
            CliProcess.Result r = run.WaitForExit(TimeSpan.FromMinutes(2));

            Assert.Equal(130, r.ExitCode);
            // Whatever was closed before the second signal is complete; the rest stays under .partial (a table
            // that has not filled its first row group yet has no file at all).
            foreach (string file in Directory.GetFiles(dir, "*.parquet"))
                Assert.True(DuckDb.Count(file) >= 0, file);
            if (r.ErrorLines.Count == 2)
            {
                Assert.Equal([Stopping, "interrupted: quitting at once"], r.ErrorLines);
                return;
            }
            // The clean stop won the race: it must have finished as after one signal.
            Assert.Equal([Stopping], r.ErrorLines);
            Assert.Contains("\"status\": \"interrupted\"", File.ReadAllText(Path.Combine(dir, "summary.json")), StringComparison.Ordinal);
        }
        Assert.Fail("in three tries the second SIGINT never quit at once: the clean stop always finished first");
    }

    [PosixFact]
    public void Sigterm_stops_the_run_as_sigint_does()
    {
        using var temp = CliProcess.TempFolder("sigterm");
        string dir = temp.Path;
        using CliProcess.Running run = CliProcess.Start([.. LongRun, "--out", dir, "--quiet", "--no-plots"]);
        WaitUntilSimulating(run, dir);

        Signals.Send(run.Id, Signals.SigTerm);
        CliProcess.Result r = run.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.Equal(130, r.ExitCode);
        Assert.Equal("SIGTERM: stopping at the next simulated instant and writing the results so far (again to quit at once)", r.ErrorLines[0]);
        Assert.Contains("\"status\": \"interrupted\"", File.ReadAllText(Path.Combine(dir, "summary.json")), StringComparison.Ordinal);
    }

    /// <summary>The run log names the components just before the kernel starts; then give it a moment of simulating.</summary>
    private static void WaitUntilSimulating(CliProcess.Running run, string dir)
    {
        string log = Path.Combine(dir, "run.log");
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!(File.Exists(log) && ReadShared(log).Contains("components:", StringComparison.Ordinal)))
        {
            Assert.False(run.HasExited, "openg2g ended before the run started");
            Assert.True(DateTime.UtcNow < deadline, "the run did not start within a minute");
            Thread.Sleep(20);
        }
        Thread.Sleep(500);
        Assert.False(run.HasExited, "the run ended before the signal");
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
