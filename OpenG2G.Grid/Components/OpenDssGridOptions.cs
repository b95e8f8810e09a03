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
    public string Feeder { get; init; } = string.Empty;

    /// <summary>Source voltage in per unit; null keeps the feeder file's.</summary>
    public double? SourcePu { get; init; }

    public ImmutableArray<InitialTapOptions> InitialTaps { get; init; } = [];
    public RegulatorMode RegulatorMode { get; init; } = RegulatorMode.Off;
    public ImmutableArray<string> ExcludedBuses { get; init; } = [];

    /// <summary>Largest per-unit node voltage change at convergence (OpenDSS default 1e-4).</summary>
    public double Tolerance { get; init; } = 1e-4;

    public int MaxIterations { get; init; } = 50;

    /// <summary>Datacenter loads below this voltage (pu) turn into impedances, as OpenDSS model-1 loads (default 0.95).</summary>
    public double DatacenterVminPu { get; init; } = 0.95;

    /// <summary>Datacenter loads above this voltage (pu) turn into impedances (default 1.05).</summary>
    public double DatacenterVmaxPu { get; init; } = 1.05;

    /// <summary>Which shapes the feeder file's own loads follow over simulated time (default none: nominal power).</summary>
    public Model.Shapes.LoadShapeMode LoadShapes { get; init; } = Model.Shapes.LoadShapeMode.None;

    /// <summary>Hour of the load shapes at simulated time zero (e.g. 4380 starts a yearly shape at midyear).</summary>
    public double LoadShapeStartHour { get; init; }

    public ImmutableArray<AttachmentOptions> Pv { get; init; } = [];
    public ImmutableArray<AttachmentOptions> Loads { get; init; } = [];
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
