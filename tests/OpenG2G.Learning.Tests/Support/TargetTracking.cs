using System.Collections.Immutable;
using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Randomness;
using OpenG2G.Learning.Environment;

namespace OpenG2G.Learning.Tests.Support;

/// <summary>
/// A small control task with a known optimum, for testing PPO: two integer positions in [-5, 5] each move
/// by -1, 0 or +1 per step towards their own target in [-3, 3]; the reward after each step is minus the
/// summed distance to the targets over 5. Sixteen steps per episode. The optimal return of an episode is
/// known in closed form (<see cref="OptimalReturn"/>): walk straight to the target and stay.
/// </summary>
internal sealed class TargetTracking : IEnvironment, IEpisodeLength
{
    public const int Horizon = 16;
    private readonly int[] _x = new int[2];
    private readonly int[] _goal = new int[2];
    private int _t;

    public RlSpaces Spaces { get; } = new(
        new BoxSpace(["x1", "goal1", "x2", "goal2"], [-1f, -1f, -1f, -1f], [1f, 1f, 1f, 1f]),
        new MultiDiscreteSpace(["move1", "move2"], [3, 3]));

    public int MaxEpisodeSteps => Horizon;

    public void Reset(ulong seed, Span<float> observation)
    {
        var r = new SimRandom(seed);
        for (int i = 0; i < 2; i++)
        {
            _x[i] = r.NextInt(11) - 5;
            _goal[i] = r.NextInt(7) - 3;
        }
        _t = 0;
        Observe(observation);
    }

    public StepOutcome Step(ReadOnlySpan<int> action, Span<float> observation)
    {
        double reward = 0;
        for (int i = 0; i < 2; i++)
        {
            _x[i] = Math.Clamp(_x[i] + action[i] - 1, -5, 5);
            reward -= Math.Abs(_x[i] - _goal[i]) / 5.0;
        }
        _t++;
        Observe(observation);
        return new StepOutcome(reward, false, _t >= Horizon);
    }

    /// <summary>The best return from the state <see cref="Reset"/> with <paramref name="seed"/> leads to.</summary>
    public static double OptimalReturn(ulong seed)
    {
        var r = new SimRandom(seed);
        double total = 0;
        for (int i = 0; i < 2; i++)
        {
            int distance = Math.Abs(r.NextInt(11) - 5 - (r.NextInt(7) - 3));
            for (int t = 1; t <= Horizon; t++)
                total -= Math.Max(distance - t, 0) / 5.0;
        }
        return total;
    }

    private void Observe(Span<float> o)
    {
        o[0] = _x[0] / 5f;
        o[1] = _goal[0] / 5f;
        o[2] = _x[1] / 5f;
        o[3] = _goal[1] / 5f;
    }
}
