using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Tests.Support;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Learning.Tests.Environment;

public class MismatchedSpacesTests
{
    private static string PolicyFor(TempFolder folder, Func<RlSpaces, RlSpaces>? change = null)
    {
        var env = new GridEnvironment(new EnvironmentSettings(Repo.Ieee13Baseline, ["duration_s=10"], new AgentOptions { Targets = ["dc"] }, new RewardOptions()));
        string path = folder.PathOf("policy.json");
        TestPolicies.Random(change is null ? env.Spaces : change(env.Spaces), new ObservationOptions(), seed: 1).Write(path);
        return path;
    }

    private static string Rl(string policy) => $"controllers=[{{name: rl, type: rl, period_s: 1, targets: [dc], policy: {policy}}}]";

    [Fact]
    public void A_policy_trained_without_a_bus_refuses_a_scenario_that_counts_it_naming_the_dimension()
    {
        using var folder = new TempFolder();
        string policy = PolicyFor(folder);
        string set = Rl(policy);
        InvalidInputException e = Assert.Throws<InvalidInputException>(() =>
            ScenarioRunner.Prepare(Repo.Ieee13Baseline, ["duration_s=10", set, "grid.excluded_buses=[sourcebus, \"650\"]"]));
        Assert.Equal($"--set {set}: controllers[0].policy: does not fit this scenario: observation dimension 0 is 'v:633.1' for the policy but 'v:rg60.1' in the scenario",
            e.Errors.Single().ToString());
    }

    [Fact]
    public void A_policy_for_four_models_refuses_a_site_serving_five_naming_the_model()
    {
        using var folder = new TempFolder();
        string policy = PolicyFor(folder, s => s with { Action = new MultiDiscreteSpace(s.Action.Names[..4], s.Action.Sizes[..4]) });
        string set = Rl(policy);
        InvalidInputException e = Assert.Throws<InvalidInputException>(() => ScenarioRunner.Prepare(Repo.Ieee13Baseline, ["duration_s=10", set]));
        Assert.Equal($"--set {set}: controllers[0].policy: does not fit this scenario: the policy expects 4 action dimensions, the scenario has 5: the scenario's dimension 4 'dc/Qwen3-235B-A22B' is unknown to the policy",
            e.Errors.Single().ToString());
    }
}
