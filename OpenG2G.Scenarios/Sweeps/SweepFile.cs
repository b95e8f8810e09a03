using OpenG2G.Core.Options;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// A sweep file (YAML): one base scenario and the axes whose values it is run with. Every combination of the
/// axes (a grid product, in order, the last varying fastest) is one run per seed; a <c>search</c> axis is a
/// bisection run for each combination of the others. Keys in YAML are snake_case; see <c>scenarios/sweeps/README.md</c>.
/// The <c>set</c> mapping (fixed <c>path: value</c> overrides applied to every run, like <c>--set path=value</c>) is
/// read by <see cref="SweepLoader"/> directly.
/// </summary>
public sealed record SweepFile : IValidatable
{
    /// <summary>Label of the sweep (default the file name without extension).</summary>
    public string? Name { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>The base scenario file, relative to the sweep file. Required unless an axis has <c>scenarios</c>.</summary>
    public string? Scenario { get; init; }

    /// <summary>The axes, in order; their grid product is the set of runs.</summary>
    public IReadOnlyList<SweepAxisOptions> Axes { get; init; } = Array.Empty<SweepAxisOptions>();

    /// <summary>Parameters computed from the axes' values for each run (<c>value</c> is an expression of axis names).</summary>
    public IReadOnlyList<DerivedOptions> Derived { get; init; } = Array.Empty<DerivedOptions>();

    /// <summary>Seeds every combination runs with (replicates); default the scenario's own seed. Exclusive with <see cref="Replicates"/>.</summary>
    public IReadOnlyList<ulong> Seeds { get; init; } = Array.Empty<ulong>();

    /// <summary>Replicates per combination: seeds 0 .. replicates - 1. Exclusive with <see cref="Seeds"/>. Default 0 (the scenario's seed).</summary>
    public int Replicates { get; init; }

    /// <summary>What each run keeps: <c>summary</c> (one table row) or <c>timeseries</c> (also its Parquet families). Default summary; <c>--keep</c> overrides.</summary>
    public SweepKeep Keep { get; init; } = SweepKeep.Summary;

    /// <summary>Pictures <c>openg2g sweep plot</c> draws from the results.</summary>
    public IReadOnlyList<SweepPlotOptions> Plots { get; init; } = Array.Empty<SweepPlotOptions>();

    public IEnumerable<ValidationProblem> Validate()
    {
        if (Seeds.Count > 0 && Replicates > 0)
            yield return new ValidationProblem("replicates", "give seeds or replicates, not both");
        if (Replicates < 0)
            yield return new ValidationProblem("replicates", $"must be >= 0, got {Replicates}");
        if (Seeds.Count != Seeds.Distinct().Count())
            yield return new ValidationProblem("seeds", "lists a seed twice");
        if (Axes.Count(a => a.Search is not null) > 1)
            yield return new ValidationProblem("axes", "at most one axis may be a search");
        if (Scenario is null && !Axes.Any(a => a.Scenarios.Count > 0))
            yield return new ValidationProblem("scenario", "required: the base scenario file (or an axis with scenarios)");
    }
}

/// <summary>What a sweep keeps of each run.</summary>
public enum SweepKeep
{
    /// <summary>The run's row in the results table.</summary>
    Summary,

    /// <summary>The row and the run's Parquet time series, Hive-partitioned by <c>run_id</c>.</summary>
    Timeseries,
}
