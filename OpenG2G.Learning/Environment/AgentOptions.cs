using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Options;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// The agent's place in the scenario: it replaces the base scenario's controllers by one <c>rl</c>
/// controller with these settings (the same keys an <c>rl</c> entry of a scenario has, less the policy).
/// </summary>
public sealed record AgentOptions : IValidatable
{
    /// <summary>Controller name (default <c>rl</c>; keep it equal to the name in the scenario that will run the policy).</summary>
    public string Name { get; init; } = "rl";

    /// <summary>Control period in seconds (one environment step). Default 1.</summary>
    public decimal PeriodS { get; init; } = 1m;

    /// <summary>Datacenters the agent acts on (default: every datacenter).</summary>
    public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();

    /// <summary>Seconds between a decision and its effect (default 0).</summary>
    public decimal DelayS { get; init; }

    /// <summary>Observation features.</summary>
    public ObservationOptions Observation { get; init; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            yield return new ValidationProblem("name", "must not be empty");
        if (PeriodS <= 0)
            yield return new ValidationProblem("period_s", $"must be > 0, got {PeriodS}");
        if (DelayS < 0)
            yield return new ValidationProblem("delay_s", $"must be >= 0, got {DelayS}");
        foreach (ValidationProblem p in Observation.Validate())
            yield return p with { Path = "observation." + p.Path };
    }
}
