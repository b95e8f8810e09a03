using System.Collections.Immutable;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// A trained policy as <c>openg2g train</c> writes it (JSON, format <c>openg2g-policy</c>, version
/// <see cref="CurrentVersion"/>; layout in docs/rl.md): the observation options and spaces it was trained
/// on, the observation normalisation (x - mean) / std clipped to +-clip, and the policy network
/// (tanh MLP, parameters as base64 little-endian float32) whose outputs are the action logits.
/// </summary>
/// <param name="Observation">Observation options the policy was trained with.</param>
/// <param name="Spaces">Observation and action spaces it expects.</param>
/// <param name="ObservationMean">Per-dimension mean subtracted before the network.</param>
/// <param name="ObservationStd">Per-dimension standard deviation divided by (&gt; 0).</param>
/// <param name="ObservationClip">Normalised values are clipped to [-clip, clip].</param>
/// <param name="LayerSizes">Network layer widths, observation size first, logit count last.</param>
/// <param name="Parameters">Network parameters (see <c>OpenG2G.Numerics.Networks.Mlp</c> for the layout).</param>
/// <param name="Provenance">What made it: free-form key/value pairs (training file, seed, steps, version).</param>
public sealed record PolicyFile(
    ObservationOptions Observation,
    RlSpaces Spaces,
    ImmutableArray<float> ObservationMean,
    ImmutableArray<float> ObservationStd,
    float ObservationClip,
    ImmutableArray<int> LayerSizes,
    ImmutableArray<float> Parameters,
    ImmutableSortedDictionary<string, string> Provenance)
{
    public const string Format = "openg2g-policy";
    public const int CurrentVersion = 1;

    /// <summary>Read <paramref name="path"/>; throws <c>InvalidInputException</c> saying where and what is wrong.</summary>
    public static PolicyFile Read(string path) => PolicyFileReader.Read(path);

    /// <summary>Write to <paramref name="path"/>; same record, same bytes.</summary>
    public void Write(string path) => PolicyFileWriter.Write(path, this);

    /// <summary>Problems of the record's own consistency (sizes that do not fit together), or none.</summary>
    public IEnumerable<string> Problems()
    {
        int obs = Spaces.Observation.Size;
        if (ObservationMean.Length != obs || ObservationStd.Length != obs)
            yield return $"normalisation has {ObservationMean.Length} means and {ObservationStd.Length} standard deviations for {obs} observation dimensions";
        if (ObservationStd.Any(s => !(s > 0) || !float.IsFinite(s)))
            yield return "every normalisation standard deviation must be finite and > 0";
        if (!(ObservationClip > 0))
            yield return $"observation_clip must be > 0, got {ObservationClip}";
        if (LayerSizes.Length < 2 || LayerSizes[0] != obs || LayerSizes[^1] != Spaces.Action.LogitCount)
            yield return $"network sizes [{string.Join(", ", LayerSizes)}] must start with the observation size {obs} and end with the logit count {Spaces.Action.LogitCount}";
        if (Parameters.Any(p => !float.IsFinite(p)))
            yield return "network parameters must be finite";
    }
}
