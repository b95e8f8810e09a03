using OpenG2G.Core.Time;

namespace OpenG2G.Scenarios.Running;

/// <summary>What <see cref="ScenarioRunner.Run"/> needs.</summary>
public sealed record RunRequest
{
    /// <summary>The scenario YAML file.</summary>
    public required string ScenarioPath { get; init; }

    /// <summary>Run folder; default <c>runs/&lt;scenario name&gt;</c> under the current directory.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Seed overriding the scenario's <c>seed</c>.</summary>
    public ulong? Seed { get; init; }

    /// <summary><c>path=value</c> overrides applied to the YAML before binding.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>False turns plots off whatever the scenario says.</summary>
    public bool Plots { get; init; } = true;

    /// <summary>
    /// False keeps the run in memory: no folder, no Parquet, no plots, no log; the outcome carries the summary
    /// only (what a sweep keeps by default). Default true.
    /// </summary>
    public bool WriteFiles { get; init; } = true;

    /// <summary>
    /// True (default): a failed simulation is rethrown after its summary is written. False: the outcome is returned
    /// with <see cref="Results.RunSummary.Completed"/> false and the error in it (what a sweep records).
    /// </summary>
    public bool ThrowOnFailure { get; init; } = true;

    /// <summary>Called after every simulated instant (progress displays); keep it cheap.</summary>
    public Action<SimTime>? Progress { get; init; }

    /// <summary>Called once, with the run's duration and run folder, just before the simulation starts.</summary>
    public Action<TimeSpan, string>? Starting { get; init; }

    /// <summary>Called once the scenario is built and its outputs estimated, before the run folder is touched.</summary>
    public Action<RunPlan>? Planned { get; init; }

    /// <summary>
    /// Largest estimated output (bytes, see <see cref="Results.OutputEstimate"/>) a run may write;
    /// a bigger one is refused as invalid input before anything is written. Default 10 GB (10^10 bytes).
    /// </summary>
    public long MaxOutputBytes { get; init; } = DefaultMaxOutputBytes;

    /// <summary>The default of <see cref="MaxOutputBytes"/>: 10 GB.</summary>
    public const long DefaultMaxOutputBytes = 10_000_000_000;

    /// <summary>
    /// Cancelling it stops the run at the next simulated instant: writers are closed, <c>summary.json</c>
    /// says <c>interrupted</c> with the simulated time reached, and <see cref="ScenarioRunner.Run"/> returns
    /// normally with <see cref="Results.RunSummary.Interrupted"/> set.
    /// </summary>
    public CancellationToken Cancellation { get; init; }
}
