using System.Globalization;
using System.Text;
using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Randomness;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Tests.Support;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Learning.Tests.Environment;

/// <summary>
/// The environment's steps are the kernel's own run: a fixed action sequence, and a policy acting on the
/// environment's observations, give the same summary.json as <c>openg2g run</c> of the equivalent scenario.
/// </summary>
public class EnvironmentEqualsRunTests
{
    private const int Steps = 120;
    private static readonly string[] Shortened = ["duration_s=120", "grid.source_pu=0.97"];
    private static readonly int[] Sizes = [8, 16, 32, 64, 128, 256, 512];

    [Fact]
    public void A_fixed_action_sequence_gives_the_summary_of_the_batch_schedule_it_amounts_to()
    {
        using var folder = new TempFolder();
        var env = new GridEnvironment(new EnvironmentSettings(Repo.Ieee13Baseline, Shortened, new AgentOptions { Targets = ["dc"] }, new RewardOptions()));
        string[] models = env.Spaces.Action.Names.Select(n => n["dc/".Length..]).ToArray();
        var obs = new float[env.Spaces.Observation.Size];
        var action = new int[models.Length];
        var random = new SimRandom(3);
        env.Reset(11, obs);

        // Independent bookkeeping of what the actions command: one index step per model, clamped.
        int[] index = models.Select(_ => Array.IndexOf(Sizes, 128)).ToArray();
        var entries = new List<string>();
        StepOutcome outcome = default;
        for (int t = 0; t < Steps; t++)
        {
            for (int m = 0; m < models.Length; m++)
            {
                action[m] = random.NextInt(3);
                int next = Math.Clamp(index[m] + action[m] - 1, 0, Sizes.Length - 1);
                if (next != index[m])
                    entries.Add(string.Create(CultureInfo.InvariantCulture, $"{{at_s: {t}, model: {models[m]}, batch_size: {Sizes[next]}}}"));
                index[m] = next;
            }
            outcome = env.Step(action, obs);
            Assert.Equal(t == Steps - 1, outcome.Truncated);
        }
        Assert.False(outcome.Terminated);
        RunSummary envSummary = env.LastInfo!.Summary!;
        Assert.True(entries.Count > 100, "the sequence moves batch sizes often");

        string schedule = "controllers=[{name: rl, type: batch-schedule, period_s: 1, targets: [dc], entries: [" + string.Join(", ", entries) + "]}]";
        RunOutcome run = ScenarioRunner.Run(new RunRequest
        {
            ScenarioPath = Repo.Ieee13Baseline, OutputDirectory = folder.PathOf("run"), Seed = 11, Plots = false,
            Overrides = [.. Shortened, schedule, "outputs.bus_voltages=false"],
        });

        Assert.Equal(SummaryJson.WithoutWallTime(Path.Combine(run.OutputDirectory, "summary.json")), SummaryJson.Of(envSummary, folder));
        Assert.True(envSummary.Voltage.IntegralViolationPuS > 0, "the shortened scenario violates, so the comparison covers the voltage metrics");
        Assert.Equal(entries.Count, envSummary.Commands);
    }

    [Fact]
    public void A_policy_sampling_in_the_environment_runs_the_same_as_the_rl_controller_in_openg2g_run()
    {
        using var folder = new TempFolder();
        var env = new GridEnvironment(new EnvironmentSettings(Repo.Ieee13Baseline, Shortened, new AgentOptions { Targets = ["dc"] }, new RewardOptions()));
        PolicyFile file = TestPolicies.Random(env.Spaces, new ObservationOptions(), seed: 5);
        string policyPath = folder.PathOf("policy.json");
        file.Write(policyPath);
        var policy = new MlpPolicy(PolicyFile.Read(policyPath));

        var obs = new float[env.Spaces.Observation.Size];
        var action = new int[env.Spaces.Action.Size];
        env.Reset(11, obs);
        var chosen = new List<string>();
        // The controller samples from the run seed's stream named after it.
        SimRandom sampler = SimRandom.ForStream(11, "rl/actions");
        for (bool done = false; !done;)
        {
            policy.Act(obs, action, sampler);
            chosen.Add(string.Join("", action));
            done = env.Step(action, obs).Done;
        }
        Assert.True(chosen.Distinct().Count() > 1, "the random policy does not always choose the same action");

        string controller = $"controllers=[{{name: rl, type: rl, period_s: 1, targets: [dc], action_selection: sample, policy: {policyPath}}}]";
        RunOutcome run = ScenarioRunner.Run(new RunRequest
        {
            ScenarioPath = Repo.Ieee13Baseline, OutputDirectory = folder.PathOf("run"), Seed = 11, Plots = false,
            Overrides = [.. Shortened, controller, "outputs.bus_voltages=false"],
        });

        Assert.Equal(SummaryJson.WithoutWallTime(Path.Combine(run.OutputDirectory, "summary.json")), SummaryJson.Of(env.LastInfo!.Summary!, folder));
        Assert.True(env.LastInfo.Summary!.Commands > 0);
    }
}
