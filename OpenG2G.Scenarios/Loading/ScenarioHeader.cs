using OpenG2G.Core.Options;

namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// The top-level keys of a scenario file other than <c>grid</c>, <c>datacenters</c> and <c>controllers</c>.
/// </summary>
public sealed record ScenarioHeader : IValidatable
{
    /// <summary>Label of the scenario (default the file name without extension).</summary>
    public string? Name { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>Simulated time in seconds (&gt; 0, whole 100 ns ticks). Required.</summary>
    public decimal DurationS { get; init; }

    /// <summary>Seed of every random stream of the run (overridden by <c>--seed</c>). Default 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Trace library folder relative to the scenario file; default the repository's <c>traces/</c>.</summary>
    public string? TraceLibrary { get; init; }

    /// <summary>Plug-in assemblies to load before components are resolved.</summary>
    public IReadOnlyList<PluginReference> Plugins { get; init; } = Array.Empty<PluginReference>();

    /// <summary>Voltage limits of the metrics (default 0.95-1.05 pu).</summary>
    public VoltageBandOptions VoltageBand { get; init; } = new();

    /// <summary>What the run folder holds.</summary>
    public OutputOptions Outputs { get; init; } = new();

    public IEnumerable<ValidationProblem> Validate()
    {
        if (VoltageBand.VMinPu <= 0 || VoltageBand.VMinPu >= VoltageBand.VMaxPu)
            yield return new ValidationProblem("voltage_band", $"needs 0 < v_min_pu < v_max_pu, got {VoltageBand.VMinPu} and {VoltageBand.VMaxPu}");
        if (Outputs.RowGroupRows < 1)
            yield return new ValidationProblem("outputs.row_group_rows", $"must be >= 1, got {Outputs.RowGroupRows}");
        for (int i = 0; i < Plugins.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Plugins[i].Path))
                yield return new ValidationProblem($"plugins[{i}].path", "must name the plug-in's .dll");
        }
    }
}

/// <summary>A plug-in assembly: <c>path</c> to its .dll, relative to the scenario file.</summary>
public sealed record PluginReference
{
    /// <summary>The plug-in's .dll, relative to the scenario file.</summary>
    public string Path { get; init; } = string.Empty;
}

/// <summary>Voltage limits in per unit used by the metrics.</summary>
public sealed record VoltageBandOptions
{
    /// <summary>Lower limit, pu (default 0.95).</summary>
    public double VMinPu { get; init; } = 0.95;

    /// <summary>Upper limit, pu (default 1.05).</summary>
    public double VMaxPu { get; init; } = 1.05;
}

/// <summary>What a run writes besides the summary, the resolved scenario and the log.</summary>
public sealed record OutputOptions
{
    /// <summary>PNG plots (default true; <c>--no-plots</c> turns them off).</summary>
    public bool Plots { get; init; } = true;

    /// <summary>Every bus-phase voltage of every grid step in <c>bus_voltages.parquet</c> (default true).</summary>
    public bool BusVoltages { get; init; } = true;

    /// <summary>Rows per Parquet row group: what a writer buffers before it writes (default 65536).</summary>
    public int RowGroupRows { get; init; } = 65536;
}
