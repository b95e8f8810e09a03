using OpenG2G.Controllers.Rl;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// An episodic control task with a float32 box observation and a multi-discrete action, as PPO and an
/// environment server use it. Lifecycle: <see cref="Reset"/>, then <see cref="Step"/> until it reports
/// the episode over, then <see cref="Reset"/> again. Not thread-safe; separate instances are independent
/// and may step on different threads.
/// </summary>
public interface IEnvironment
{
    /// <summary>Observation and action spaces; fixed for the environment's life.</summary>
    RlSpaces Spaces { get; }

    /// <summary>Start an episode from <paramref name="seed"/>; writes the first observation.</summary>
    void Reset(ulong seed, Span<float> observation);

    /// <summary>
    /// Apply <paramref name="action"/> (one choice per action dimension) for one control period; writes the
    /// next observation (the final one when the episode ends) and returns the reward and flags.
    /// </summary>
    StepOutcome Step(ReadOnlySpan<int> action, Span<float> observation);
}

/// <summary>What one step gave: reward, and whether the episode ended by a terminal state or by its time limit.</summary>
public readonly record struct StepOutcome(double Reward, bool Terminated, bool Truncated)
{
    public bool Done => Terminated || Truncated;
}
