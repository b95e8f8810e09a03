using System.Text.Json.Nodes;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Results;

/// <summary>A plug-in controller that throws stops the run; what was finished stays readable.</summary>
public class FailureTests
{
    [Fact]
    public void A_throwing_plugin_controller_stops_the_run_naming_it_and_the_time_and_keeps_partial_results()
    {
        string directory = Path.Combine(Path.GetTempPath(), "openg2g-failure-" + Guid.NewGuid().ToString("N"));
        try
        {
            var e = Assert.Throws<SimulationException>(() => ScenarioRunner.Run(new RunRequest
            {
                ScenarioPath = Repo.SampleScenario,
                OutputDirectory = directory,
                Overrides = ["plugins[0].path=" + Repo.SamplePlugin, "controllers[0].fail_at_s=2.5"],
                Plots = false,
            }));
            // Controllers step every 1 s, so the first step at or after 2.5 s is at 3 s.
            Assert.Equal("at t=3 s: step: deliberate failure requested by fail_at_s = 2.5", e.Message);
            Assert.Equal("step", e.Component);

            JsonNode summary = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, SummaryWriter.FileName)))!;
            Assert.Equal("failed", summary["run"]!["status"]!.GetValue<string>());
            Assert.Equal(e.Message, summary["run"]!["error"]!.GetValue<string>());
            Assert.Equal(3.0, summary["run"]!["simulated_time_s"]!.GetValue<double>());
            // Datacenter and grid stepped at 0, 0.1, ..., 3.0 before the controller failed at 3 s.
            Assert.Equal(31, Duck.Scalar($"SELECT count(*) FROM read_parquet('{Path.Combine(directory, DatacenterWriter.PowerFile)}')"));
            Assert.Equal(31, Duck.Scalar($"SELECT count(*) FROM read_parquet('{Path.Combine(directory, GridWriter.GridFile)}')"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
