using OpenG2G.Controllers.Rl;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Tests.Support;

namespace OpenG2G.Learning.Tests.Environment;

public class GridEnvironmentTests
{
    private static GridEnvironment Ieee13(params string[] overrides) =>
        new(new EnvironmentSettings(Repo.Ieee13Baseline, ["duration_s=30", .. overrides], new AgentOptions { Targets = ["dc"] }, new RewardOptions()));

    [Fact]
    public void The_spaces_name_every_dimension_and_survive_their_json_form()
    {
        GridEnvironment env = Ieee13();
        RlSpaces s = env.Spaces;
        // 32 counted bus-phases of IEEE 13 (sourcebus, 650 and rg60 excluded), 4 voltage summaries, 1 site, 5 models x 4.
        Assert.Equal(32 + 4 + 1 + 20, s.Observation.Size);
        Assert.Equal("v:633.1", s.Observation.Names[0]);
        Assert.Contains("period_min_voltage_pu", s.Observation.Names);
        Assert.Contains("dc/power_mw", s.Observation.Names);
        Assert.Equal("dc/Llama-3.1-8B/batch_position", s.Observation.Names[37]);
        Assert.Equal(["dc/Llama-3.1-8B", "dc/Llama-3.1-70B", "dc/Llama-3.1-405B", "dc/Qwen3-30B-A3B", "dc/Qwen3-235B-A22B"], s.Action.Names.ToArray());
        Assert.All(s.Action.Sizes, n => Assert.Equal(3, n));
        Assert.Equal(30, env.MaxEpisodeSteps);

        RlSpaces back = SpacesJson.Read(SpacesJson.Write(s));
        Assert.Null(s.FirstDifference(back));
        Assert.Equal(s.Observation.Low.ToArray(), back.Observation.Low.ToArray());
        Assert.Equal(s.Observation.High.ToArray(), back.Observation.High.ToArray());
    }

    [Fact]
    public void The_first_observation_is_the_state_at_t0_and_standing_still_commands_nothing()
    {
        GridEnvironment env = Ieee13("grid.source_pu=0.97");
        var obs = new float[env.Spaces.Observation.Size];
        env.Reset(3, obs);
        int position = env.Spaces.Observation.Names.IndexOf("dc/Llama-3.1-8B/batch_position");
        Assert.Equal(4f / 6f, obs[position]); // batch 128 of [8 .. 512]
        int min = env.Spaces.Observation.Names.IndexOf("period_min_voltage_pu");
        Assert.InRange(obs[min], 0.85f, 0.95f); // the lowered source violates from the start

        int[] stay = [1, 1, 1, 1, 1];
        StepOutcome o = default;
        int steps = 0;
        while (!o.Done)
        {
            o = env.Step(stay, obs);
            steps++;
            Assert.Equal(0, env.LastInfo!.Switches);
            Assert.True(env.LastInfo.ViolationIntegralPuS > 0);
            Assert.True(o.Reward < 0, "violations cost more than the throughput earns at 0.97 pu");
        }
        Assert.Equal(30, steps);
        Assert.Equal(0, env.LastInfo!.Summary!.Commands);
        Assert.Throws<InvalidOperationException>(() => env.Step(stay, obs));
    }

    [Fact]
    public void Bad_actions_are_refused_naming_the_dimension()
    {
        GridEnvironment env = Ieee13();
        var obs = new float[env.Spaces.Observation.Size];
        env.Reset(1, obs);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([1, 1, 3, 1, 1], obs));
        Assert.StartsWith("action dimension 2 'dc/Llama-3.1-405B' takes 0..2, got 3", e.Message);
        Assert.Throws<ArgumentException>(() => env.Step([1, 1], obs));
    }
}
