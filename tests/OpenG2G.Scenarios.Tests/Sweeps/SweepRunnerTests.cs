using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Sweeps;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Sweeps;

/// <summary>The sweep runner on real IEEE 13 runs (10 s each), its table read back by DuckDB.</summary>
public class SweepRunnerTests
{
    private static readonly string Sweep = SweepFiles.Header(10) + """

        seeds: [0, 1]
        axes:
          - { name: source_pu, parameter: grid.source_pu, values: [0.97, 1.0] }
          - { name: bus, parameter: "datacenters[0].bus", values: ["671", "692"] }
        """;

    private static SweepOutcome Run(string sweepFile, string output, int workers = 2, SweepShard? shard = null, bool resume = false) =>
        SweepRunner.Run(SweepLoader.Load(sweepFile), new SweepRunner.Options { OutputDirectory = output, Workers = workers, Shard = shard ?? SweepShard.Whole, Resume = resume });

    private static string Table(string dir) => $"read_parquet('{dir}/summary/*.parquet')";

    /// <summary>Every row as text, without the one column that measures the machine (wall time), in run order.</summary>
    private static List<string> Rows(string dir) =>
        Duck.Query($"SELECT * EXCLUDE (run_wall_time_s) FROM {Table(dir)} ORDER BY run_id")
            .Select(r => string.Join("|", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ToList();

    [Fact]
    public void Each_run_is_one_row_of_a_typed_table_that_DuckDB_reads_as_is()
    {
        using var file = new TempScenario(Sweep, "sweep.yaml");
        string dir = Path.Combine(file.Directory, "out");
        SweepOutcome outcome = Run(file.FilePath, dir);

        Assert.Equal((8, 0, 0), (outcome.Done, outcome.Failed, outcome.Skipped));
        Assert.Equal(8, Directory.GetFiles(Path.Combine(dir, "summary"), "part-*.parquet").Length);
        List<string> columns = Duck.Columns($"{dir}/summary/*.parquet");
        Assert.Equal(["run_id VARCHAR", "combination BIGINT", "probe BIGINT", "source_pu DOUBLE", "bus VARCHAR", "scenario_name VARCHAR"], columns.Take(6));
        Assert.Contains("voltage_integral_violation_pu_s DOUBLE", columns);
        Assert.Contains("service_mean_throughput_tokens_per_s DOUBLE", columns);
        Assert.Contains("run_seed UBIGINT", columns);
        Assert.Contains("run_status VARCHAR", columns);
        Assert.Contains("run_wall_time_s DOUBLE", columns);
        // The rows are the runs: parameters, seeds and the summary's own numbers.
        var rows = Duck.Query($"SELECT run_id, source_pu, bus, run_seed, run_status, voltage_snapshots FROM {Table(dir)} ORDER BY run_id");
        Assert.Equal(["00000 0.97 671 0 completed 100", "00001 0.97 671 1 completed 100", "00002 0.97 692 0 completed 100", "00007 1 692 1 completed 100"],
            rows.Where((_, i) => i is 0 or 1 or 2 or 7).Select(r => string.Join(" ", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))));
        Assert.True(Duck.Scalar($"SELECT min(voltage_integral_violation_pu_s) FROM {Table(dir)} WHERE source_pu = 0.97") > 0,
            "the 0.97 pu source should make every run violate");
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_workers_or_the_shards()
    {
        using var file = new TempScenario(Sweep, "sweep.yaml");
        string one = Path.Combine(file.Directory, "one"), two = Path.Combine(file.Directory, "two");
        Run(file.FilePath, one, workers: 1);
        Run(file.FilePath, two, workers: 2);
        Assert.Equal(Rows(one), Rows(two));

        string[] shards = [.. Enumerable.Range(0, 3).Select(k => Path.Combine(file.Directory, "shard" + k))];
        for (int k = 0; k < 3; k++)
            Run(file.FilePath, shards[k], workers: 1, shard: new SweepShard(k, 3));
        var ids = shards.Select(s => Directory.GetFiles(Path.Combine(s, "summary")).Select(Path.GetFileName).ToHashSet()).ToList();
        // Disjoint, and together every run: work item i is in shard i mod 3.
        Assert.Equal(8, ids.Sum(i => i.Count));
        Assert.Equal(8, ids.SelectMany(i => i).Distinct().Count());
        Assert.Equal(["part-00000.parquet", "part-00003.parquet", "part-00006.parquet"], ids[0].Order());

        string merged = Path.Combine(file.Directory, "merged");
        Assert.Equal((8, 0), SweepMerge.Merge(shards, merged));
        Assert.Equal(Rows(one), Rows(merged));
    }

    [Fact]
    public void Merge_refuses_an_incomplete_or_foreign_set_of_shards()
    {
        using var file = new TempScenario(Sweep, "sweep.yaml");
        using var other = new TempScenario(Sweep.Replace("[0, 1]", "[5, 6]", StringComparison.Ordinal), "other.yaml");
        string a = Path.Combine(file.Directory, "a"), b = Path.Combine(file.Directory, "b"), foreign = Path.Combine(other.Directory, "f");
        Run(file.FilePath, a, workers: 1, shard: new SweepShard(0, 2));
        Run(other.FilePath, foreign, workers: 1, shard: new SweepShard(1, 2));

        var incomplete = Assert.Throws<InvalidInputException>(() => SweepMerge.Merge([a], Path.Combine(file.Directory, "m1")));
        Assert.Equal($"{a}: the sweep has 2 shards; missing: 1/2", Assert.Single(incomplete.Errors).ToString());
        var mixed = Assert.Throws<InvalidInputException>(() => SweepMerge.Merge([a, foreign], Path.Combine(file.Directory, "m2")));
        Assert.StartsWith($"{foreign}: belongs to another sweep ('other', fingerprint ", Assert.Single(mixed.Errors).ToString(), StringComparison.Ordinal);

        // A shard with a run lost (its row deleted) makes the set incomplete.
        Run(file.FilePath, b, workers: 1, shard: new SweepShard(1, 2));
        File.Delete(Path.Combine(b, "summary", "part-00003.parquet"));
        var lost = Assert.Throws<InvalidInputException>(() => SweepMerge.Merge([a, b], Path.Combine(file.Directory, "m3")));
        Assert.Equal($"{file.FilePath}: incomplete: 1 of 8 runs have no result (first: 00003); resume the shards that ran them", Assert.Single(lost.Errors).ToString());
    }

    [Fact]
    public void Resume_redoes_only_the_runs_without_a_row_and_refuses_a_changed_sweep()
    {
        using var file = new TempScenario(Sweep, "sweep.yaml");
        string dir = Path.Combine(file.Directory, "out");
        Run(file.FilePath, dir);
        List<string> before = Rows(dir);
        // What a killed process leaves: runs without rows, a half-written file, a scratch folder.
        foreach (string id in new[] { "00001", "00004", "00006" })
            File.Delete(Path.Combine(dir, "summary", $"part-{id}.parquet"));
        File.WriteAllText(Path.Combine(dir, "summary", "part-00004.parquet.tmp-1-1"), "half");
        Directory.CreateDirectory(Path.Combine(dir, ".work", "00006"));

        var again = Assert.Throws<InvalidInputException>(() => Run(file.FilePath, dir));
        Assert.Equal($"{Path.Combine(dir, "sweep.json")}: the output folder already holds sweep 'sweep'; add --resume to continue it, or choose a new --out folder",
            Assert.Single(again.Errors).ToString());
        SweepOutcome resumed = Run(file.FilePath, dir, resume: true);

        Assert.Equal((3, 5), (resumed.Done, resumed.Skipped));
        Assert.Equal(before, Rows(dir));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp-*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(dir, ".work")));

        File.AppendAllText(file.FilePath, "\n# edited\n");
        var changed = Assert.Throws<InvalidInputException>(() => Run(file.FilePath, dir, resume: true));
        Assert.Contains("the sweep changed since this folder was started", Assert.Single(changed.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_run_is_recorded_with_its_error_while_the_others_complete()
    {
        // The second bus is not in the feeder: the scenario loads, but building its grid fails.
        using var file = new TempScenario(SweepFiles.Header(10) + """

            axes:
              - { name: bus, parameter: "datacenters[0].bus", values: ["671", "999", "692"] }
            """, "sweep.yaml");
        string dir = Path.Combine(file.Directory, "out");
        SweepOutcome outcome = Run(file.FilePath, dir);

        Assert.Equal((3, 1), (outcome.Done, outcome.Failed));
        var rows = Duck.Query($"SELECT bus, run_status, run_error, voltage_snapshots FROM {Table(dir)} ORDER BY run_id");
        Assert.Equal(["671 completed", "999 failed", "692 completed"], rows.Select(r => $"{r[0]} {r[1]}"));
        Assert.Contains("'999'", (string)rows[1][2]!, StringComparison.Ordinal);
        Assert.Null(rows[1][3]);
    }

    [Fact]
    public void A_search_finds_the_largest_value_that_holds_within_its_tolerance()
    {
        // The highest counted voltage grows with the source voltage: find the largest source_pu with vmax <= 1.05.
        using var file = new TempScenario(SweepFiles.Header(5) + """

            axes:
              - name: source_pu
                parameter: grid.source_pu
                search: { low: 0.95, high: 1.10, tolerance: 0.01, until: "voltage.worst_vmax_pu <= 1.05" }
            """, "sweep.yaml");
        string dir = Path.Combine(file.Directory, "out");
        Run(file.FilePath, dir);

        object?[] search = Duck.Query($"SELECT source_pu, outcome, probes FROM read_parquet('{dir}/searches/*.parquet')").Single();
        Assert.Equal("found", search[1]);
        double found = Convert.ToDouble(search[0], CultureInfo.InvariantCulture);
        var probes = Duck.Query($"SELECT source_pu, voltage_worst_vmax_pu FROM {Table(dir)} ORDER BY source_pu")
            .Select(r => (V: Convert.ToDouble(r[0], CultureInfo.InvariantCulture), Vmax: Convert.ToDouble(r[1], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(Convert.ToInt64(search[2], CultureInfo.InvariantCulture), probes.Count);
        // The answer was probed and holds; the smallest probe above it does not, and lies within the tolerance.
        Assert.True(probes.Single(p => p.V == found).Vmax <= 1.05);
        var above = probes.Where(p => p.V > found).MinBy(p => p.V);
        Assert.True(above.Vmax > 1.05);
        Assert.InRange(above.V - found, 0, 0.01);
    }
}
