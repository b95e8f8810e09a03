using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using OpenG2G.Testing;

namespace OpenG2G.Cli.Tests;

/// <summary><c>openg2g sweep</c> killed with SIGKILL mid-sweep, then resumed: no run lost, none doubled.</summary>
public class SweepKillTests
{
    private static string SweepFile(string dir)
    {
        string file = Path.Combine(dir, "sweep.yaml");
        File.WriteAllText(file, $$"""
            scenario: {{SharedData.RepositoryRoot}}/scenarios/ieee13/ofo.yaml
            set:
              duration_s: 300
              outputs.bus_voltages: false
            axes:
              - { name: source_pu, parameter: grid.source_pu, values: [0.97, 0.98, 0.99, 1.0] }
              - { name: step, parameter: "controllers[0].primal_step_size", values: [0.05, 0.1, 0.2] }
            """);
        return file;
    }

    private static List<string> Rows(string dir)
    {
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT * EXCLUDE (run_wall_time_s) FROM read_parquet('{dir}/summary/*.parquet') ORDER BY run_id";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))));
        return rows;
    }

    [Fact]
    public void A_sweep_killed_mid_run_and_resumed_has_every_row_once_and_the_same_rows_as_an_uninterrupted_one()
    {
        using var temp = CliProcess.TempFolder("sweep-kill");
        string file = SweepFile(temp.Path), killed = Path.Combine(temp.Path, "killed"), whole = Path.Combine(temp.Path, "whole");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = SharedData.RepositoryRoot,
        };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "openg2g.dll"), "sweep", file, "--out", killed, "--workers", "2", "--quiet" })
            start.ArgumentList.Add(a);
        using (Process p = Process.Start(start)!)
        {
            string summary = Path.Combine(killed, "summary");
            var wait = Stopwatch.StartNew();
            while (!p.HasExited && (!Directory.Exists(summary) || Directory.GetFiles(summary, "part-*.parquet").Length < 3) && wait.Elapsed < TimeSpan.FromMinutes(2))
                Thread.Sleep(20);
            Assert.False(p.HasExited, "the sweep finished before it could be killed; make its runs longer");
            p.Kill(entireProcessTree: true); // SIGKILL: no handler runs
            p.WaitForExit();
        }
        int before = Directory.GetFiles(Path.Combine(killed, "summary"), "part-*.parquet").Length;
        Assert.InRange(before, 3, 11);

        CliProcess.Result resumed = CliProcess.Run("sweep", file, "--out", killed, "--resume", "--workers", "2", "--quiet");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.StartsWith($"{12 - before} runs in ", resumed.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{before} done before", resumed.Stdout, StringComparison.Ordinal);
        CliProcess.Result fresh = CliProcess.Run("sweep", file, "--out", whole, "--workers", "1", "--quiet");
        Assert.True(fresh.ExitCode == 0, fresh.Stderr);

        List<string> rows = Rows(killed);
        Assert.Equal(12, rows.Count);
        Assert.Equal(12, rows.Select(r => r.Split('|')[0]).Distinct().Count());
        Assert.Equal(Rows(whole), rows);
    }
}
