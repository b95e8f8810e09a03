using System.Globalization;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Controllers;

/// <summary>
/// The direction of each built-in voltage controller on the real stack: the shipped IEEE 13 scenarios (OpenDSS
/// feeder, trace-replay datacenter, measured curves), 30 s, with the source at 0.97 pu (the feeder under the
/// band from the start) or 1.03 pu (over it, nothing under). "Lower" = every command sheds datacenter power
/// (a smaller batch, or a training cap below its maximum), "raise" = every command adds power, "none" = no command.
/// </summary>
public class RealStackDirectionTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "ofo", "0.97", "lower" }, { "ofo", "1.03", "raise" },
        { "rule-based", "0.97", "lower" }, { "rule-based", "1.03", "raise" },
        { "pid", "0.97", "lower" }, { "pid", "1.03", "none" },
        { "pid-power-cap", "0.97", "lower" }, { "pid-power-cap", "1.03", "none" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Acts_in_the_direction_that_relieves_the_violation(string scenario, string sourcePu, string expected)
    {
        string folder = Path.Combine(Path.GetTempPath(), "openg2g-direction-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The power-cap case needs its training job running during the 30 s.
            string[] training = scenario == "pid-power-cap" ? ["datacenters[0].training[0].start_s=0"] : [];
            RunOutcome outcome = ScenarioRunner.Run(new RunRequest
            {
                ScenarioPath = Path.Combine(Repo.Root, "scenarios", "ieee13", scenario + ".yaml"),
                OutputDirectory = folder,
                Overrides = ["duration_s=30", "grid.source_pu=" + sourcePu, "outputs.bus_voltages=false", .. training],
                Plots = false,
            });
            Assert.True(outcome.Summary.Completed, outcome.Summary.Error);
            // The premise: under the band at 0.97 pu only, over it at 1.03 pu only.
            bool under = sourcePu == "0.97";
            Assert.True(under ? outcome.Summary.Voltage.WorstVminPu < 0.95 && outcome.Summary.Voltage.WorstVmaxPu <= 1.05
                : outcome.Summary.Voltage.WorstVmaxPu > 1.05 && outcome.Summary.Voltage.WorstVminPu >= 0.95,
                $"premise: vmin {outcome.Summary.Voltage.WorstVminPu}, vmax {outcome.Summary.Voltage.WorstVmaxPu}");

            var directions = Duck.Query($"SELECT command, value FROM read_parquet('{Path.Combine(folder, CommandEventWriter.CommandsFile)}')")
                .Select(r => ((string)r[0]!, Convert.ToDouble(r[1], CultureInfo.InvariantCulture)) switch
                {
                    ("SetBatchSize", var b) => b < 128 ? "lower" : "raise",
                    ("SetPowerCap", var c) => c < 300 ? "lower" : "raise",
                    var other => throw new InvalidOperationException($"unexpected command {other}"),
                })
                .Distinct().ToList();
            Assert.Equal(expected == "none" ? [] : [expected], directions);
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
