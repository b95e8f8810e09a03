using System.Collections.Immutable;
using OpenG2G.Core.Options;

namespace OpenG2G.Grid.Components;

/// <summary>
/// Options of the <c>opendss</c> grid: the feeder file (relative to the scenario's folder), source
/// voltage, initial taps, regulator mode, buses excluded from metrics, solver tolerance, and PV,
/// external loads and batteries. Datacenters come from the scenario's datacenter attachments.
/// </summary>
public sealed record OpenDssGridOptions : IValidatable
{
    /// <summary>OpenDSS feeder script (.dss), relative to the scenario's folder. Required.</summary>
    public string Feeder { get; init; } = string.Empty;

    /// <summary>Source voltage in per unit; null keeps the feeder file's.</summary>
    public double? SourcePu { get; init; }

    /// <summary>Regulator taps set before the first solve, each by step or by ratio.</summary>
    public ImmutableArray<InitialTapOptions> InitialTaps { get; init; } = [];

    /// <summary>How regulator taps move: off (only by commands, default), static (settle within band at every solve) or timed (OpenDSS time delays, as kernel events).</summary>
    public RegulatorMode RegulatorMode { get; init; } = RegulatorMode.Off;

    /// <summary>Buses left out of the voltage metrics, plots and controllers' watched nodes (case-insensitive; every name must be a bus of the feeder).</summary>
    public ImmutableArray<string> ExcludedBuses { get; init; } = [];

    /// <summary>Largest per-unit node voltage change at convergence (OpenDSS default 1e-4).</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Power-flow iteration limit per solve (default 50).</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>Below this voltage (pu) datacenter loads stop drawing constant power, as OpenDSS model-1 loads: their current falls linearly towards the nominal impedance's at 0.5 pu (default 0.95).</summary>
    public double DatacenterVminPu { get; init; } = 0.95;

    /// <summary>Datacenter loads above this voltage (pu) turn into impedances (default 1.05).</summary>
    public double DatacenterVmaxPu { get; init; } = 1.05;

    /// <summary>Which shapes the feeder file's own loads, PVSystems (irradiance), Storages (follow and trigger dispatch) and Generators follow over simulated time (default none: nominal power).</summary>
    public Model.Shapes.LoadShapeMode LoadShapes { get; init; } = Model.Shapes.LoadShapeMode.None;

    /// <summary>Hour of the load shapes at simulated time zero (e.g. 4380 starts a yearly shape at midyear).</summary>
    public double LoadShapeStartHour { get; init; }

    /// <summary>PV systems added at buses: PVSystem elements whose irradiance follows a profile.</summary>
    public ImmutableArray<PvOptions> Pv { get; init; } = [];

    /// <summary>External time-varying loads: peak kW per phase times a profile.</summary>
    public ImmutableArray<AttachmentOptions> Loads { get; init; } = [];

    /// <summary>Batteries added at buses: Storage elements, controllable by storage controllers (as are the feeder's own Storage elements).</summary>
    public ImmutableArray<BatteryOptions> Batteries { get; init; } = [];

    public IEnumerable<ValidationProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Feeder))
            yield return new ValidationProblem("feeder", "must name the feeder's .dss file");
        if (SourcePu is <= 0)
            yield return new ValidationProblem("source_pu", $"must be > 0, got {SourcePu}");
        if (Tolerance <= 0)
            yield return new ValidationProblem("tolerance", $"must be > 0, got {Tolerance}");
        if (LoadShapeStartHour < 0 || !double.IsFinite(LoadShapeStartHour))
            yield return new ValidationProblem("load_shape_start_hour", $"must be a finite number >= 0, got {LoadShapeStartHour}");
        if (MaxIterations < 1)
            yield return new ValidationProblem("max_iterations", $"must be >= 1, got {MaxIterations}");
        for (int i = 0; i < InitialTaps.Length; i++)
        {
            var t = InitialTaps[i];
            if (string.IsNullOrWhiteSpace(t.Regulator))
                yield return new ValidationProblem($"initial_taps[{i}].regulator", "must not be empty");
            if ((t.Ratio is null) == (t.Step is null))
                yield return new ValidationProblem($"initial_taps[{i}]", "give exactly one of ratio or step");
        }
        foreach (var p in Nested("pv", Pv.Select(x => (IValidatable)x)))
            yield return p;
        foreach (var p in Nested("loads", Loads.Select(x => (IValidatable)x)))
            yield return p;
        foreach (var p in Nested("batteries", Batteries.Select(x => (IValidatable)x)))
            yield return p;
        var names = Pv.Select(p => p.Name).Concat(Loads.Select(l => l.Name)).Concat(Batteries.Select(b => b.Name)).Where(n => n.Length > 0);
        foreach (var dup in names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return new ValidationProblem("", $"attachment name '{dup.Key}' is used {dup.Count()} times");
    }

    private static IEnumerable<ValidationProblem> Nested(string list, IEnumerable<IValidatable> items)
    {
        int i = 0;
        foreach (var item in items)
        {
            foreach (var p in item.Validate())
                yield return p with { Path = $"{list}[{i}].{p.Path}" };
            i++;
        }
    }
}
