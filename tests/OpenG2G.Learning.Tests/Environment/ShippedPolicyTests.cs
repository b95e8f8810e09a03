using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Learning.Tests.Support;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Learning.Tests.Environment;

/// <summary>The shipped IEEE 13 policy on the study scenario (3600 s, seed 0), against the baseline and OFO.</summary>
public class ShippedPolicyTests
{
    private static (double IntegralPuS, double MeasuredTokensPerS) Run(string scenario)
    {
        BuiltScenario built = ScenarioRunner.Prepare(Repo.Path("scenarios/ieee13/" + scenario));
        var metrics = new RunMetrics(built, VoltageBand.Default);
        new Simulation(built.Setup, [metrics]).Run(0);
        return (metrics.Voltage.Result().IntegralViolationPuS, metrics.Service.Result().MeanThroughputTokensPerS);
    }

    [Fact]
    public void On_the_study_scenario_the_policy_removes_the_violation_within_twice_OFOs_at_no_less_throughput()
    {
        var baseline = Run("baseline.yaml");
        var ofo = Run("ofo.yaml");
        var rl = Run("rl.yaml");
        Assert.True(rl.IntegralPuS < 0.05 * baseline.IntegralPuS, $"rl {rl.IntegralPuS} pu·s, baseline {baseline.IntegralPuS}");
        Assert.True(rl.IntegralPuS <= 2 * ofo.IntegralPuS, $"rl {rl.IntegralPuS} pu·s, ofo {ofo.IntegralPuS}");
        Assert.True(rl.MeasuredTokensPerS >= ofo.MeasuredTokensPerS, $"rl {rl.MeasuredTokensPerS} tokens/s, ofo {ofo.MeasuredTokensPerS}");
    }

    [Fact]
    public void The_shipped_policy_refuses_the_study_scenario_with_another_set_of_counted_buses_at_its_yaml_key()
    {
        InvalidInputException e = Assert.Throws<InvalidInputException>(() =>
            ScenarioRunner.Prepare(Repo.Ieee13Rl, ["grid.excluded_buses=[sourcebus, \"650\"]"]));
        string line = File.ReadAllLines(Repo.Ieee13Rl).Select((l, i) => (l, i)).First(x => x.l.Contains("policy: ieee13-policy.json", StringComparison.Ordinal)).i + 1 + "";
        Assert.Equal($"{Repo.Ieee13Rl}:{line}:13: controllers[0].policy: does not fit this scenario: observation dimension 0 is 'v:633.1' for the policy but 'v:rg60.1' in the scenario",
            e.Errors.Single().ToString());
        PolicyFile shipped = PolicyFile.Read(Repo.Path("scenarios/ieee13/ieee13-policy.json"));
        Assert.Equal("ieee13-rl", shipped.Provenance["training"]);
    }
}
