using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace OpenG2G.Cli.Tests.Cluster;

/// <summary>
/// The shipped Slurm scripts on a real single-node Slurm cluster: the smoke sweep as a 3-task job array
/// (cluster/sweep.sbatch, <c>sbatch --wait</c>), merged by the shipped merge job submitted with
/// <c>--dependency=afterok</c>, and the merged table read with DuckDB against a single-process sweep of the same file.
/// </summary>
public class SlurmJobArrayTests(ITestOutputHelper output)
{
    private const int Tasks = 3;

    /// <summary>smoke.yaml: 2 source voltages x 2 primal steps x 2 seeds.</summary>
    private const int SmokeRuns = 8;

    private static string ClusterScript(string name) => Path.Combine(CliProcess.Repo, "cluster", name);

    [SlurmFact]
    public void Smoke_sweep_as_a_three_task_job_array_merges_to_the_rows_of_a_single_process_sweep()
    {
        IReadOnlyList<string> missing = SlurmPrerequisites.Missing();
        Assert.True(missing.Count == 0, SlurmPrerequisites.Reason(missing));
        using var temp = CliProcess.TempFolder("slurm");
        string sweep = Path.Combine(CliProcess.Repo, "scenarios", "sweeps", "smoke.yaml");
        string whole = Path.Combine(temp.Path, "whole"), shared = Path.Combine(temp.Path, "shared"), logs = Path.Combine(temp.Path, "logs");
        Directory.CreateDirectory(logs);
        var clock = Stopwatch.StartNew();
        CliProcess.Result single = CliProcess.Run("sweep", sweep, "--out", whole, "--workers", "2", "--quiet");
        Assert.True(single.ExitCode == 0, single.Stderr);
        output.WriteLine($"single-process sweep: {clock.Elapsed.TotalSeconds:F1} s");

        using (LocalSlurmCluster cluster = LocalSlurmCluster.Start(output, TimeSpan.FromMinutes(2)))
        {
            output.WriteLine($"cluster up: {clock.Elapsed.TotalSeconds:F1} s");
            var job = new Dictionary<string, string>
            {
                ["SWEEP_FILE"] = sweep,
                ["SWEEP_OUT"] = shared,
                ["SWEEP_SHARDS"] = Tasks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["OPENG2G"] = $"{Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet"} {Path.Combine(AppContext.BaseDirectory, "openg2g.dll")}",
            };
            ExternalProcess.Result array = cluster.Run("sbatch", ["--parsable", "--wait", $"--array=0-{Tasks - 1}", "--cpus-per-task=1",
                $"--output={logs}/task-%A_%a.out", $"--chdir={CliProcess.Repo}", ClusterScript("sweep.sbatch")], job, TimeSpan.FromMinutes(15));
            Assert.True(array.ExitCode == 0, $"sbatch --wait --array: {array}\n{JobLogs(logs)}\n{cluster.Logs()}");
            string jobId = array.Stdout.Trim().Split(';')[0];
            output.WriteLine($"array job {jobId} done: {clock.Elapsed.TotalSeconds:F1} s\n{JobLogs(logs)}");

            ExternalProcess.Result merge = cluster.Run("sbatch", ["--parsable", "--wait", $"--dependency=afterok:{jobId}",
                $"--output={logs}/merge-%j.out", $"--chdir={CliProcess.Repo}", ClusterScript("sweep-merge.sbatch")], job, TimeSpan.FromMinutes(5));
            Assert.True(merge.ExitCode == 0, $"sbatch --wait merge: {merge}\n{JobLogs(logs)}\n{cluster.Logs()}");
            output.WriteLine($"merge job done: {clock.Elapsed.TotalSeconds:F1} s");
        }

        Assert.Equal(["merged", "shard-0", "shard-1", "shard-2"], Directory.EnumerateDirectories(shared).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        for (int k = 0; k < Tasks; k++)
            CheckShard(Path.Combine(shared, $"shard-{k}"), k);
        CheckMerged(Path.Combine(shared, "merged", "summary", "merged.parquet"), Path.Combine(whole, "summary", "*.parquet"));
    }

    /// <summary>Task k took shard k/3 from Slurm's variables and ran exactly the runs i with i mod 3 = k.</summary>
    private static void CheckShard(string folder, int k)
    {
        JsonElement manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json"))).RootElement;
        Assert.Equal(k, manifest.GetProperty("shard_index").GetInt32());
        Assert.Equal(Tasks, manifest.GetProperty("shard_count").GetInt32());
        int expected = Enumerable.Range(0, SmokeRuns).Count(i => i % Tasks == k);
        Assert.Equal(expected, ParquetQuery.Count($"SELECT count(*) FROM read_parquet('{folder}/summary/*.parquet')"));
    }

    /// <summary>The merged table holds each of the sweep's runs once, with the single-process sweep's columns and values (wall time aside).</summary>
    private static void CheckMerged(string merged, string whole)
    {
        Assert.Equal(ParquetQuery.Columns(whole), ParquetQuery.Columns(merged));
        Assert.Equal(SmokeRuns, ParquetQuery.Count($"SELECT count(*) FROM read_parquet('{merged}')"));
        Assert.Equal(SmokeRuns, ParquetQuery.Count($"SELECT count(DISTINCT run_id) FROM read_parquet('{merged}')"));
        Assert.Equal(SmokeRuns, ParquetQuery.Count($"SELECT count(*) FROM read_parquet('{whole}') WHERE run_status = 'completed'"));
        string a = $"SELECT * EXCLUDE (run_wall_time_s) FROM read_parquet('{merged}')";
        string b = $"SELECT * EXCLUDE (run_wall_time_s) FROM read_parquet('{whole}')";
        Assert.Empty(ParquetQuery.Rows($"({a}) EXCEPT ALL ({b})"));
        Assert.Empty(ParquetQuery.Rows($"({b}) EXCEPT ALL ({a})"));
    }

    private static string JobLogs(string folder) => string.Join("\n", Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)
        .Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f).Trim()}"));
}
