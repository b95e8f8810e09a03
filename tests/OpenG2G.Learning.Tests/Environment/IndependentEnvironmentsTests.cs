using OpenG2G.Core.Randomness;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Tests.Support;

namespace OpenG2G.Learning.Tests.Environment;

/// <summary>Environments in one process are independent: stepping another one in between changes nothing.</summary>
public class IndependentEnvironmentsTests
{

    private static readonly string[] Shortened = ["duration_s=60", "grid.source_pu=0.97"];

    private static int[][] Actions(int seed, int steps, int dims)
    {
        var r = new SimRandom((ulong)seed);
        return Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, dims).Select(_ => r.NextInt(3)).ToArray()).ToArray();
    }

    /// <summary>
    /// An episode is a function of its seed and overrides alone: the same environment, reset after an
    /// unfinished episode of another seed, replays exactly what a new environment plays (observations, and
    /// the last step's grid voltages, bit for bit). Failed before every reset built fresh components: the grid's admittance
    /// matrix, updated by differences, kept a rounding trace of the earlier episode (voltages 1e-13 pu off,
    /// one observation one float ulp off after the first step).
    /// </summary>
    [Fact]
    public void An_episode_after_an_unfinished_one_of_another_seed_equals_it_in_a_new_environment()
    {
        var settings = new EnvironmentSettings(Repo.Ieee13Baseline, Shortened, new AgentOptions { Targets = ["dc"] }, new RewardOptions());
        var alone = new GridEnvironment(settings);
        int d = alone.Spaces.Observation.Size, a = alone.Spaces.Action.Size;
        int[][] mine = Actions(22, 15, a), other = Actions(21, 15, a);
        var expected = Play(alone, 22, mine, d);
        var v0 = alone.Simulation!.LatestGrid!.VoltagePu;

        // The same episode in an environment that has played 15 steps of another seed first.
        var reused = new GridEnvironment(settings);
        var o0 = new float[d];
        reused.Reset(21, o0);
        foreach (int[] x in other)
            reused.Step(x, o0);
        var again = Play(reused, 22, mine, d);
        var v1 = reused.Simulation!.LatestGrid!.VoltagePu;
        for (int t = 0; t < expected.Count; t++)
            Assert.True(expected[t].AsSpan().SequenceEqual(again[t]), $"reused: observation {t} differs at dimensions {string.Join(", ", Enumerable.Range(0, d).Where(i => expected[t][i] != again[t][i]).Select(i => $"{i}: {expected[t][i]:R} vs {again[t][i]:R}"))}");
        var dv = Enumerable.Range(0, v0.Length).Where(i => v0[i] != v1[i]).Select(i => $"{i}: {v0[i]:R} vs {v1[i]:R}").ToList();
        Assert.True(dv.Count == 0, "the last step's voltages differ: " + string.Join("; ", dv.Take(5)));
    }

    /// <summary>The same after a finished episode of another seed; failed before every Reset built new components.</summary>
    [Fact]
    public void An_episode_after_a_finished_one_of_another_seed_equals_it_in_a_fresh_environment()
    {
        var settings = new EnvironmentSettings(Repo.Ieee13Baseline, Shortened, new AgentOptions { Targets = ["dc"] }, new RewardOptions());
        var fresh = new GridEnvironment(settings);
        var reused = new GridEnvironment(settings);
        int d = fresh.Spaces.Observation.Size, a = fresh.Spaces.Action.Size;
        int[][] mine = Actions(22, 60, a), other = Actions(21, 60, a);
        var o = new float[d];
        reused.Reset(21, o);
        foreach (int[] x in other)
        {
            if (reused.Step(x, o).Done)
                break;
        }
        var expected = Play(fresh, 22, mine, d);
        var actual = Play(reused, 22, mine, d);
        for (int t = 0; t < expected.Count; t++)
            Assert.True(expected[t].AsSpan().SequenceEqual(actual[t]), $"observation {t} differs at " + string.Join("; ", Enumerable.Range(0, d).Where(i => expected[t][i] != actual[t][i]).Select(i => $"{fresh.Spaces.Observation.Names[i]} {expected[t][i]:R} vs {actual[t][i]:R}")));
    }

    private static List<float[]> Play(GridEnvironment env, ulong seed, int[][] actions, int d)
    {
        var obs = new float[d];
        env.Reset(seed, obs);
        var list = new List<float[]> { obs.ToArray() };
        foreach (int[] x in actions)
        {
            bool done = env.Step(x, obs).Done;
            list.Add(obs.ToArray());
            if (done)
                break;
        }
        return list;
    }

    [Fact]
    public void An_episode_interleaved_with_another_environments_equals_it_alone()
    {
        var settings = new EnvironmentSettings(Repo.Ieee13Baseline, Shortened, new AgentOptions { Targets = ["dc"] }, new RewardOptions());
        var alone = new GridEnvironment(settings);
        int d = alone.Spaces.Observation.Size, a = alone.Spaces.Action.Size;
        int[][] mine = Actions(22, 15, a), other = Actions(21, 15, a);
        var expected = new List<float[]>();
        var obs = new float[d];
        alone.Reset(22, obs);
        expected.Add(obs.ToArray());
        foreach (int[] x in mine)
        {
            alone.Step(x, obs);
            expected.Add(obs.ToArray());
        }

        var first = new GridEnvironment(settings);
        var second = new GridEnvironment(settings);
        var o1 = new float[d];
        first.Reset(21, o1);
        second.Reset(22, obs);
        var actual = new List<float[]> { obs.ToArray() };
        for (int t = 0; t < mine.Length; t++)
        {
            first.Step(other[t], o1);
            second.Step(mine[t], obs);
            actual.Add(obs.ToArray());
        }

        for (int t = 0; t < expected.Count; t++)
            Assert.True(expected[t].AsSpan().SequenceEqual(actual[t]), $"observation {t} differs at dimension {Enumerable.Range(0, d).FirstOrDefault(i => expected[t][i] != actual[t][i])}");
    }
}

/// <summary>The same through a vector environment, whose steps run on pool threads.</summary>
public class IndependentVectorEnvironmentsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_vector_environments_row_equals_the_environment_alone(int workers)
    {
        string[] shortened = ["duration_s=60", "grid.source_pu=0.97"];
        var settings = new EnvironmentSettings(Repo.Ieee13Baseline, shortened, new AgentOptions(), new RewardOptions());
        var alone = new GridEnvironment(settings);
        int d = alone.Spaces.Observation.Size, a = alone.Spaces.Action.Size;
        var r = new SimRandom(4);
        int[] actions = Enumerable.Range(0, 15 * 2 * a).Select(_ => r.NextInt(3)).ToArray();
        var obs = new float[d];
        alone.Reset(22, obs);
        var expected = new List<float[]> { obs.ToArray() };
        for (int t = 0; t < 15; t++)
        {
            alone.Step(actions.AsSpan((t * 2 + 1) * a, a), obs);
            expected.Add(obs.ToArray());
        }

        var vector = new VectorEnvironment([new GridEnvironment(settings), new GridEnvironment(settings)], workers);
        var both = new float[2 * d];
        var outcomes = new StepOutcome[2];
        vector.Reset([21UL, 22UL], both);
        var actual = new List<float[]> { both[d..].ToArray() };
        for (int t = 0; t < 15; t++)
        {
            vector.Step(actions[(t * 2 * a)..((t + 1) * 2 * a)], both, outcomes);
            actual.Add(both[d..].ToArray());
        }

        for (int t = 0; t < expected.Count; t++)
            Assert.True(expected[t].AsSpan().SequenceEqual(actual[t]), $"observation {t} differs at dimension {Enumerable.Range(0, d).FirstOrDefault(i => expected[t][i] != actual[t][i])}");
    }
}
