using System.Text.Json.Nodes;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Results;

/// <summary>
/// The MPC keeps the run deterministic: <c>scenarios/ieee13/mpc-delay.yaml</c> through the start of the
/// training job (1100 s, so that voltage constraints, forecasts and the delay are all in play) twice
/// with the same seed gives byte-identical Parquet files and scenario.yaml and equal summaries but for
/// the wall time.
/// </summary>
public class MpcDeterminismTests
{
    private static RunOutcome Run(string directory) => ScenarioRunner.Run(new RunRequest
    {
        ScenarioPath = Path.Combine(Repo.Root, "scenarios", "ieee13", "mpc-delay.yaml"),
        OutputDirectory = directory,
        Overrides = ["duration_s=1100", "outputs.bus_voltages=false"],
        Plots = false,
    });

    [Fact]
    public void Two_mpc_runs_with_the_same_seed_write_identical_files()
    {
        string root = Path.Combine(Path.GetTempPath(), "openg2g-mpc-determinism-" + Guid.NewGuid().ToString("N"));
        try
        {
            RunOutcome a = Run(Path.Combine(root, "a"));
            RunOutcome b = Run(Path.Combine(root, "b"));

            Assert.Equal(a.Files, b.Files);
            foreach (string f in a.Files.Where(f => f.EndsWith(".parquet", StringComparison.Ordinal)).Append(ResolvedScenarioWriter.FileName))
                Assert.True(File.ReadAllBytes(Path.Combine(a.OutputDirectory, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.OutputDirectory, f))), $"{f} differs between two runs");
            Assert.Equal(Summary(a), Summary(b));
            Assert.True(Duck.Scalar($"SELECT count(*) FROM read_parquet('{Path.Combine(a.OutputDirectory, "commands.parquet")}')") > 10, "the MPC hardly acted");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Summary(RunOutcome o)
    {
        JsonNode node = JsonNode.Parse(File.ReadAllText(Path.Combine(o.OutputDirectory, SummaryWriter.FileName)))!;
        Assert.True(node["run"]!.AsObject().Remove("wall_time_s"));
        return node.ToJsonString();
    }
}
