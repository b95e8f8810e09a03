using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Networks;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// A <see cref="PolicyFile"/> ready to act: normalise the observation, run the network, choose from the
/// logits (<see cref="CategoricalChoice"/>). Allocation-free per call.
/// </summary>
public sealed class MlpPolicy : IRlPolicy
{
    private readonly PolicyFile _file;
    private readonly Mlp _network;
    private readonly MlpTape _tape;
    private readonly float[] _normalised;

    public MlpPolicy(PolicyFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        string? problem = file.Problems().FirstOrDefault();
        if (problem is not null)
            throw new ArgumentException("policy: " + problem, nameof(file));
        _file = file;
        _network = new Mlp(file.LayerSizes, file.Parameters.AsSpan());
        _tape = new MlpTape(_network, 1);
        _normalised = new float[file.Spaces.Observation.Size];
    }

    public PolicyFile File => _file;

    /// <inheritdoc />
    public string? Mismatch(RlSpaces scenario) => _file.Spaces.FirstDifference(scenario);

    /// <inheritdoc />
    public void Act(ReadOnlySpan<float> observation, Span<int> action, SimRandom? sampler)
    {
        Normalise(observation, _normalised);
        _network.Forward(_normalised, 1, _tape);
        CategoricalChoice.Choose(_tape.Output(1), _file.Spaces.Action, action, sampler);
    }

    /// <summary>(x - mean) / std, clipped to the file's clip.</summary>
    public void Normalise(ReadOnlySpan<float> observation, Span<float> normalised)
    {
        float clip = _file.ObservationClip;
        for (int i = 0; i < normalised.Length; i++)
            normalised[i] = Math.Clamp((observation[i] - _file.ObservationMean[i]) / _file.ObservationStd[i], -clip, clip);
    }
}
