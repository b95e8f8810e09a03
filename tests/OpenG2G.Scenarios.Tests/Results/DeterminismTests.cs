using System.Text.Json.Nodes;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Results;

/// <summary>
/// Same inputs and seed give byte-identical Parquet files and scenario.yaml, and a summary.json equal in
/// every key but <c>run.wall_time_s</c> (the one value that measures the machine, not the model).
/// </summary>
public class DeterminismTests
{
    private static RunOutcome Run(string directory, ulong seed) => ScenarioRunner.Run(new RunRequest
    {
        ScenarioPath = Repo.Ieee13Ofo,
        OutputDirectory = directory,
        Seed = seed,
        Overrides = ["duration_s=15", "grid.source_pu=0.97", "outputs.row_group_rows=777"],
        Plots = false,
    });

    [Fact]
    public void Two_runs_with_the_same_seed_write_identical_files()
    {
        string root = Path.Combine(Path.GetTempPath(), "openg2g-determinism-" + Guid.NewGuid().ToString("N"));
        try
        {
            RunOutcome a = Run(Path.Combine(root, "a"), 7);
            RunOutcome b = Run(Path.Combine(root, "b"), 7);
            RunOutcome c = Run(Path.Combine(root, "c"), 8);

            var parquet = a.Files.Where(f => f.EndsWith(".parquet", StringComparison.Ordinal)).ToList();
            Assert.Equal(9, parquet.Count);
            Assert.Equal(a.Files, b.Files);
            foreach (string f in parquet.Append(ResolvedScenarioWriter.FileName))
                Assert.True(File.ReadAllBytes(Path.Combine(a.OutputDirectory, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.OutputDirectory, f))), $"{f} differs between two runs with seed 7");
            Assert.Equal(SummaryWithoutWallTime(a), SummaryWithoutWallTime(b));

            // The comparison can fail: another seed moves server layouts and noise, so power differs.
            Assert.False(File.ReadAllBytes(Path.Combine(a.OutputDirectory, DatacenterWriter.PowerFile)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(c.OutputDirectory, DatacenterWriter.PowerFile))));
            Assert.NotEqual(SummaryWithoutWallTime(a), SummaryWithoutWallTime(c));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string SummaryWithoutWallTime(RunOutcome o)
    {
        JsonNode node = JsonNode.Parse(File.ReadAllText(Path.Combine(o.OutputDirectory, SummaryWriter.FileName)))!;
        JsonObject run = node["run"]!.AsObject();
        Assert.True(run.Remove("wall_time_s"), "summary.json must report run.wall_time_s");
        return node.ToJsonString();
    }
}
