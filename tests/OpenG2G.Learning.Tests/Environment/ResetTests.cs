using OpenG2G.Core.Randomness;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Tests.Support;

namespace OpenG2G.Learning.Tests.Environment;

/// <summary>
/// An episode is a function of its seed and overrides alone: the same environment, reset after an
/// unfinished episode of another seed, replays exactly what a new environment plays (observations and
/// grid voltages bit for bit). Failed before every reset built fresh components: the grid's admittance
/// matrix, updated by differences, kept a rounding trace of the earlier episode (voltages 1e-13 pu off,
/// one observation one float ulp off after the first step).
/// </summary>
public class ResetTests
{
    private static readonly string[] Shortened = ["duration_s=60", "grid.source_pu=0.97"];

    private static int[][] Actions(int seed, int steps, int dims)
    {
        var r = new SimRandom((ulong)seed);
        return Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, dims).Select(_ => r.NextInt(3)).ToArray()).ToArray();
    }

    [Fact]
    public void An_episode_after_an_unfinished_one_of_another_seed_equals_it_in_a_new_environment()
    {
        var settings = new EnvironmentSettings(Repo.Ieee13Baseline, Shortened, new AgentOptions { Targets = ["dc"] }, new RewardOptions());
        var alone = new GridEnvironment(settings);
        int d = alone.Spaces.Observation.Size, a = alone.Spaces.Action.Size;
        int[][] mine = Actions(22, 15, a), other = Actions(21, 15, a);
        var expected = new List<float[]>();
        var obs = new float[d];
        alone.Reset(22, obs);
        var v0 = alone.Simulation!.LatestGrid!.VoltagePu;
        expected.Add(obs.ToArray());
        foreach (int[] x in mine)
        {
            alone.Step(x, obs);
            expected.Add(obs.ToArray());
        }

        // The same episode in an environment that has played 15 steps of another seed first.
        var reused = new GridEnvironment(settings);
        var o0 = new float[d];
        reused.Reset(21, o0);
        foreach (int[] x in other)
            reused.Step(x, o0);
        reused.Reset(22, o0);
        var v1 = reused.Simulation!.LatestGrid!.VoltagePu;
        var dv = Enumerable.Range(0, v0.Length).Where(i => v0[i] != v1[i]).Select(i => $"{i}: {v0[i]:R} vs {v1[i]:R}").ToList();
        Assert.True(dv.Count == 0, "voltages after reset differ: " + string.Join("; ", dv.Take(5)) + $" (iterations {alone.Simulation!.LatestGrid!.Iterations} vs {reused.Simulation!.LatestGrid!.Iterations})");
        var again = new List<float[]> { o0.ToArray() };
        foreach (int[] x in mine)
        {
            reused.Step(x, o0);
            again.Add(o0.ToArray());
        }
        for (int t = 0; t < expected.Count; t++)
            Assert.True(expected[t].AsSpan().SequenceEqual(again[t]), $"reused: observation {t} differs at dimensions {string.Join(", ", Enumerable.Range(0, d).Where(i => expected[t][i] != again[t][i]).Select(i => $"{i}: {expected[t][i]:R} vs {again[t][i]:R}"))}");
    }
}
