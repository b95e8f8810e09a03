namespace OpenG2G.Learning.Environment;

/// <summary>
/// What a <see cref="GridEnvironment"/> is made of: a scenario file (its controllers are replaced by the
/// agent), <c>--set</c>-style overrides applied to it before every build, the agent's placement and
/// observation, and the reward weights.
/// </summary>
/// <param name="ScenarioPath">Base scenario YAML.</param>
/// <param name="Overrides"><c>path=value</c> overrides applied at every build (before an episode's own).</param>
/// <param name="Agent">The agent controller's settings.</param>
/// <param name="Reward">Reward weights.</param>
public sealed record EnvironmentSettings(
    string ScenarioPath,
    IReadOnlyList<string> Overrides,
    AgentOptions Agent,
    RewardOptions Reward)
{
    public EnvironmentSettings(string scenarioPath)
        : this(scenarioPath, [], new AgentOptions(), new RewardOptions())
    {
    }
}
