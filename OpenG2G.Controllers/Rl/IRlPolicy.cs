using OpenG2G.Core.Randomness;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// Chooses an action from an observation: a trained policy file, an ONNX model, or (in the RL
/// environment) the action an external driver set. Not thread-safe: one instance per controller.
/// </summary>
public interface IRlPolicy
{
    /// <summary>
    /// Null when the policy can act on <paramref name="scenario"/>'s spaces; otherwise which dimension
    /// differs, for the validation error.
    /// </summary>
    string? Mismatch(RlSpaces scenario);

    /// <summary>
    /// Fill <paramref name="action"/> (one choice per action dimension) for <paramref name="observation"/>:
    /// the most likely choice of each dimension when <paramref name="sampler"/> is null, otherwise a draw.
    /// </summary>
    void Act(ReadOnlySpan<float> observation, Span<int> action, SimRandom? sampler);
}
