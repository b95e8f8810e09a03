using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Serving;

namespace OpenG2G.Cli.Commands;

/// <summary>Building the environments of <c>env serve</c> and <c>env play</c>.</summary>
internal static class EnvCommands
{
    public static EnvironmentSettings Settings(string scenario, IReadOnlyList<string> overrides) =>
        new(scenario, overrides, new AgentOptions(), new RewardOptions());

    public static EnvironmentServer Server(string scenario, IReadOnlyList<string> overrides, int count, int workers)
    {
        EnvironmentSettings settings = Settings(scenario, overrides);
        return new EnvironmentServer(() => new GridEnvironment(settings), count, workers);
    }
}
