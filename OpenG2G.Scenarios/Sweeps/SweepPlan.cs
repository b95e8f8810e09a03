using System.Collections.Immutable;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>A column of the results table that a sweep sets: an axis (or derived) parameter.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Path">Scenario path it sets (empty for the base-scenario axis, whose value is the file's name).</param>
/// <param name="Type">Column type.</param>
/// <param name="Location">Where the sweep file defines it.</param>
public sealed record SweepParameter(string Name, string Path, SweepValueType Type, SourceLocation Location);

/// <summary>
/// One run of a sweep: its id, the base scenario, the value of every parameter (aligned with
/// <see cref="SweepPlan.Parameters"/>), the seed and the <c>path=value</c> overrides that make it, each with the
/// sweep-file location it comes from.
/// </summary>
public sealed record SweepRun(
    string RunId,
    int Combination,
    int Probe,
    string ScenarioPath,
    ImmutableArray<SweepValue> Values,
    ulong? Seed,
    ImmutableArray<string> Overrides,
    ImmutableArray<SourceLocation> OverrideSources);

/// <summary>A bisection for one combination of the other axes (its probe runs are made as it goes).</summary>
public sealed record SweepSearchGroup(int Combination, string IdPrefix, string ScenarioPath, ImmutableArray<SweepValue> Values, ulong? Seed);

/// <summary>
/// Everything a sweep runs, expanded and checked: the parameters (table columns), the grid runs, the search groups
/// and how to make a search's probe run. Same file, same plan: expansion is deterministic.
/// </summary>
public sealed record SweepPlan(
    string Name,
    string FilePath,
    string Fingerprint,
    ImmutableArray<SweepParameter> Parameters,
    ImmutableArray<SweepRun> Runs,
    ImmutableArray<SweepSearchGroup> Searches,
    SearchSpec? Search,
    SweepKeep Keep,
    ImmutableArray<SweepPlotOptions> Plots,
    RunFactory Factory)
{
    /// <summary>Work items in order: every grid run and every search group (a group's probes run one after another).</summary>
    public int WorkItems => Runs.Length + Searches.Length;
}
