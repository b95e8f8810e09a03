using System.Collections.Immutable;
using OpenG2G.Core.Metrics;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// What <c>summary.json</c> holds: the voltage, service and training metrics (Core's definitions),
/// datacenter power, and the run's bookkeeping (keys and units: <see cref="Summary.SummaryFields"/>). <see cref="WallTimeS"/> is the only value that differs between two
/// runs of the same inputs and seed.
/// </summary>
public sealed record RunSummary(
    string Scenario,
    bool Completed,
    string? Error,
    VoltageBand Band,
    ImmutableArray<string> ExcludedBuses,
    VoltageMetrics Voltage,
    ServiceMetrics Service,
    TrainingMetrics Training,
    ulong Seed,
    string Version,
    double DurationS,
    double SimulatedTimeS,
    long GridSolves,
    long DatacenterSteps,
    long ControllerSteps,
    long Commands,
    long Events,
    double WallTimeS)
{
    /// <summary>
    /// True when a signal stopped the run before its duration (<see cref="Completed"/> is then false and
    /// <see cref="Error"/> null); <see cref="SimulatedTimeS"/> is the last instant simulated.
    /// </summary>
    public bool Interrupted { get; init; }

    /// <summary><c>completed</c>, <c>interrupted</c> or <c>failed</c>: <c>run.status</c> in <c>summary.json</c>.</summary>
    public string Status => Completed ? "completed" : Interrupted ? "interrupted" : "failed";
}
