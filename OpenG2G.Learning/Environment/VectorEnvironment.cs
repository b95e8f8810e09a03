using OpenG2G.Controllers.Rl;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// K environments of the same spaces stepped together, in parallel over <see cref="Workers"/> threads:
/// one call resets or steps all of them with row-major arrays (observations [K, obs], actions [K, act]),
/// the shape a batched server serialises. Environments are independent, so results do not depend on the
/// number of workers. An environment whose episode ended must be reset (<see cref="ResetOne"/>) before
/// the next <see cref="Step"/>.
/// </summary>
public sealed class VectorEnvironment
{
    private readonly IEnvironment[] _environments;
    private readonly ParallelOptions _parallel;

    public VectorEnvironment(IReadOnlyList<IEnvironment> environments, int workers = 0)
    {
        if (environments.Count == 0)
            throw new ArgumentException("a vector environment needs at least one environment", nameof(environments));
        _environments = environments.ToArray();
        Spaces = _environments[0].Spaces;
        foreach (IEnvironment e in _environments)
        {
            if (Spaces.FirstDifference(e.Spaces) is string d)
                throw new ArgumentException("the environments' spaces differ: " + d, nameof(environments));
        }
        Workers = workers > 0 ? workers : System.Environment.ProcessorCount;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Workers };
    }

    public RlSpaces Spaces { get; }

    public int Count => _environments.Length;

    public int Workers { get; }

    /// <summary>Environment <paramref name="index"/> (to read its step info or scenario).</summary>
    public IEnvironment this[int index] => _environments[index];

    /// <summary>Reset every environment, environment i with <paramref name="seeds"/>[i].</summary>
    public void Reset(ReadOnlySpan<ulong> seeds, Span<float> observations)
    {
        if (seeds.Length != Count)
            throw new ArgumentException($"give one seed per environment ({Count}), got {seeds.Length}", nameof(seeds));
        int d = Spaces.Observation.Size;
        CheckLength(observations.Length, Count * d, "observations");
        ulong[] s = seeds.ToArray();
        float[] obs = new float[Count * d];
        Parallel.For(0, Count, _parallel, i => _environments[i].Reset(s[i], obs.AsSpan(i * d, d)));
        obs.CopyTo(observations);
    }

    /// <summary>Reset environment <paramref name="index"/> alone (after its episode ended).</summary>
    public void ResetOne(int index, ulong seed, Span<float> observation) => _environments[index].Reset(seed, observation);

    /// <summary>Step every environment with its row of <paramref name="actions"/>; fills its observation row and outcome.</summary>
    public void Step(int[] actions, float[] observations, StepOutcome[] outcomes)
    {
        int d = Spaces.Observation.Size, a = Spaces.Action.Size;
        CheckLength(actions.Length, Count * a, "actions");
        CheckLength(observations.Length, Count * d, "observations");
        CheckLength(outcomes.Length, Count, "outcomes");
        Parallel.For(0, Count, _parallel, i =>
            outcomes[i] = _environments[i].Step(actions.AsSpan(i * a, a), observations.AsSpan(i * d, d)));
    }

    private static void CheckLength(int actual, int expected, string what)
    {
        if (actual != expected)
            throw new ArgumentException($"{what} need {expected} values for this vector environment, got {actual}", what);
    }
}
