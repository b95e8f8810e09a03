using System.Collections.Immutable;
using OpenG2G.Controllers.Rl;
using OpenG2G.Learning.Environment;

namespace OpenG2G.Learning.Randomisation;

/// <summary>A <see cref="GridEnvironment"/> whose every episode is a scenario drawn by the randomiser from the episode's seed.</summary>
public sealed class RandomisedEnvironment : IEnvironment, IEpisodeLength, IStepInfoSource
{
    private readonly ScenarioRandomiser _randomiser;

    public RandomisedEnvironment(GridEnvironment inner, ScenarioRandomiser randomiser)
    {
        Inner = inner;
        _randomiser = randomiser;
    }

    public GridEnvironment Inner { get; }

    public RlSpaces Spaces => Inner.Spaces;

    public int MaxEpisodeSteps => Inner.MaxEpisodeSteps;

    public StepInfo? LastInfo => Inner.LastInfo;

    /// <summary>The overrides of the current episode's scenario.</summary>
    public ImmutableArray<string> EpisodeOverrides { get; private set; } = [];

    public void Reset(ulong seed, Span<float> observation)
    {
        EpisodeOverrides = _randomiser.Sample(seed);
        Inner.Reset(seed, observation, EpisodeOverrides);
    }

    public StepOutcome Step(ReadOnlySpan<int> action, Span<float> observation) => Inner.Step(action, observation);
}
