using OpenG2G.Core.Options;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Randomisation;

namespace OpenG2G.Learning.Training;

/// <summary>
/// A training file (<c>openg2g train FILE</c>; format in docs/rl.md): the scenario to train on, overrides,
/// the agent, the reward, the randomiser and PPO, plus the seed of everything.
/// </summary>
public sealed record TrainingFile : IValidatable
{
    /// <summary>Label of the training (default the file name without extension).</summary>
    public string? Name { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>Base scenario YAML, relative to the training file; its controllers are replaced by the agent. Required.</summary>
    public string Scenario { get; init; } = string.Empty;

    /// <summary><c>path=value</c> overrides of the scenario, applied to every episode.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = Array.Empty<string>();

    /// <summary>Seed of the training (weights, episodes, actions, minibatches). Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>The agent's controller settings and observation.</summary>
    public AgentOptions Agent { get; init; } = new();

    /// <summary>Reward weights.</summary>
    public RewardOptions Reward { get; init; } = new();

    /// <summary>Scenario randomisation per episode; absent: every episode is the base scenario (with a new seed).</summary>
    public RandomiseOptions? Randomise { get; init; }

    /// <summary>PPO settings.</summary>
    public PpoOptions Ppo { get; init; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Scenario))
            yield return new ValidationProblem("scenario", "is required: the base scenario file");
        foreach (var (prefix, section) in new (string, IValidatable?)[] { ("agent", Agent), ("reward", Reward), ("randomise", Randomise), ("ppo", Ppo) })
        {
            foreach (ValidationProblem p in section?.Validate() ?? [])
                yield return p with { Path = prefix + "." + p.Path };
        }
    }
}
