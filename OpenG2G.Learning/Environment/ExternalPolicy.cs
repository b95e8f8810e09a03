using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Randomness;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// The <c>rl</c> controller's policy inside the environment: acts with whatever action the environment
/// set last, so the controller applies it exactly as it applies a trained policy's in <c>openg2g run</c>.
/// </summary>
internal sealed class ExternalPolicy : IRlPolicy
{
    private int[] _action = [];

    public string? Mismatch(RlSpaces scenario)
    {
        _action = new int[scenario.Action.Size];
        Array.Fill(_action, 1);
        return null;
    }

    /// <summary>The action the next controller step applies; each value must be in [0, size).</summary>
    public void Set(ReadOnlySpan<int> action, MultiDiscreteSpace space)
    {
        if (action.Length != _action.Length)
            throw new ArgumentException($"the action has {_action.Length} dimensions, got {action.Length} values", nameof(action));
        for (int i = 0; i < action.Length; i++)
        {
            if ((uint)action[i] >= (uint)space.Sizes[i])
                throw new ArgumentOutOfRangeException(nameof(action), $"action dimension {i} '{space.Names[i]}' takes 0..{space.Sizes[i] - 1}, got {action[i]}");
        }
        action.CopyTo(_action);
    }

    public void Act(ReadOnlySpan<float> observation, Span<int> action, SimRandom? sampler) => _action.CopyTo(action);
}
