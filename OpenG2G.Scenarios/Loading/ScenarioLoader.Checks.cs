using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Time;
using OpenG2G.Grid.Components;
using OpenG2G.Datacenter.Options;
using OpenG2G.Scenarios.Binding;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Loading;

public sealed partial class ScenarioLoader
{
    /// <summary>Options properties that name a file (true) or folder (false), resolved against the scenario's folder.</summary>
    private static readonly ImmutableDictionary<(Type, string), bool> FileProperties = new Dictionary<(Type, string), bool>
    {
        [(typeof(OpenDssGridOptions), nameof(OpenDssGridOptions.Feeder))] = true,
        [(typeof(ProfileOptions), nameof(ProfileOptions.Path))] = true,
        [(typeof(TraceReplayOptions), nameof(TraceReplayOptions.TraceLibrary))] = false,
        [(typeof(Controllers.Rl.RlOptions), nameof(Controllers.Rl.RlOptions.Policy))] = true,
    }.ToImmutableDictionary();

    /// <summary>True when <paramref name="property"/> names a file or folder relative to the scenario.</summary>
    public static bool IsPathProperty(System.Reflection.PropertyInfo property) =>
        FileProperties.ContainsKey((property.DeclaringType!, property.Name));

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static TimeSpan CheckDuration(YamlBinder binder, ScenarioHeader header, YamlMappingNode root) =>
        CheckPeriod(binder, header.DurationS, "duration_s", root, Child(root, "duration_s") is not null, "the simulated time in seconds");

    /// <summary>A positive whole number of 100 ns ticks, or a diagnostic.</summary>
    private static TimeSpan CheckPeriod(YamlBinder binder, decimal seconds, string path, YamlNode owner, bool written, string what = "the step period in seconds")
    {
        if (!written)
        {
            binder.Diagnostics.Add(Diagnostic.Error(binder.Locate(owner), path, "is required: " + what));
            return TimeSpan.Zero;
        }
        if (binder.FailedPaths.Contains(path))
            return TimeSpan.Zero; // its type error is reported; a range message about the default would be a second, wrong one
        SourceLocation at = binder.Locations.Find(path);
        if (seconds <= 0)
        {
            binder.Diagnostics.Add(Diagnostic.Error(at, path, $"must be > 0, got {Format(seconds)}"));
            return TimeSpan.Zero;
        }
        if (!TimeBase.TryToTicks(seconds, out long ticks))
        {
            binder.Diagnostics.Add(Diagnostic.Error(at, path, $"{Format(seconds)} s is not a whole number of 100 ns ticks; simulated time is exact and cannot round it"));
            return TimeSpan.Zero;
        }
        return TimeSpan.FromTicks(ticks);
    }

    /// <summary>
    /// Periods must nest: the grid solves only at instants where every datacenter steps (grid period a
    /// multiple of each datacenter period), and controllers decide only right after a solve (controller
    /// period a multiple of the grid period). Command delays are whole ticks and not negative.
    /// </summary>
    private static void CheckPeriods(YamlBinder binder, TimeSpan duration, ComponentDefinition? grid,
        ImmutableArray<ComponentDefinition> datacenters, ImmutableArray<ComponentDefinition> controllers)
    {
        if (grid is { Period.Ticks: > 0 })
        {
            foreach (ComponentDefinition dc in datacenters.Where(d => d.Period.Ticks > 0))
            {
                if (grid.Period.Ticks % dc.Period.Ticks != 0)
                    Report(binder, LocationMap.Join(grid.Path, "period_s"),
                        $"the grid period ({TimeBase.Format(grid.Period)} s) must be a whole multiple of datacenter '{dc.Name}''s period ({TimeBase.Format(dc.Period)} s), so that every solve sees a fresh sample");
            }
            foreach (ComponentDefinition c in controllers.Where(c => c.Period.Ticks > 0))
            {
                if (c.Period.Ticks % grid.Period.Ticks != 0)
                    Report(binder, LocationMap.Join(c.Path, "period_s"),
                        $"a controller period ({TimeBase.Format(c.Period)} s) must be a whole multiple of the grid period ({TimeBase.Format(grid.Period)} s), so that every decision sees a fresh solve");
            }
        }
        // Only for a grid period that is itself fine: fixing a wrong period usually fixes this too.
        string gridPeriod = grid is null ? string.Empty : LocationMap.Join(grid.Path, "period_s");
        if (grid is { Period.Ticks: > 0 } && duration.Ticks > 0 && duration.Ticks % grid.Period.Ticks != 0
            && !binder.Diagnostics.Any(d => d.Path == gridPeriod))
        {
            long whole = duration.Ticks / grid.Period.Ticks;
            Report(binder, "duration_s",
                $"{TimeBase.Format(duration)} s is not a whole number of grid periods ({TimeBase.Format(grid.Period)} s): the last {TimeBase.Format(TimeSpan.FromTicks(duration.Ticks % grid.Period.Ticks))} s would have no solve; " +
                $"use {TimeBase.Format(TimeSpan.FromTicks(whole * grid.Period.Ticks))} or {TimeBase.Format(TimeSpan.FromTicks((whole + 1) * grid.Period.Ticks))}");
        }
        foreach (ComponentDefinition c in controllers)
        {
            var placement = (ControllerPlacement)c.Placement;
            string path = LocationMap.Join(c.Path, "delay_s");
            if (placement.DelayS < 0)
                Report(binder, path, $"must be >= 0, got {Format(placement.DelayS)}");
            else if (!TimeBase.TryToTicks(placement.DelayS, out _))
                Report(binder, path, $"{Format(placement.DelayS)} s is not a whole number of 100 ns ticks; simulated time is exact and cannot round it");
        }
        foreach (ComponentDefinition c in datacenters.Concat(controllers).Concat(grid is null ? [] : [grid]))
        {
            if (duration.Ticks > 0 && c.Period > duration)
                Report(binder, LocationMap.Join(c.Path, "period_s"), $"the period ({TimeBase.Format(c.Period)} s) is longer than duration_s ({TimeBase.Format(duration)} s); the component would step only at t = 0");
        }
    }

    /// <summary>Without a grid and without datacenters nothing would be simulated: the run would write empty tables.</summary>
    private static void CheckSomethingToSimulate(YamlBinder binder, YamlMappingNode root)
    {
        bool hasGrid = Child(root, "grid") is { } g && !YamlBinder.IsNull(g);
        bool hasDatacenters = Child(root, "datacenters") is { } dc && !YamlBinder.IsNull(dc) && dc is not YamlSequenceNode { Children.Count: 0 };
        if (!hasGrid && !hasDatacenters)
            binder.Diagnostics.Add(Diagnostic.Error(binder.Locate(root), string.Empty, "nothing to simulate: the scenario has no grid and no datacenters; add a grid entry, a datacenters list, or both"));
    }

    private static void CheckNames(YamlBinder binder, ComponentDefinition? grid,
        ImmutableArray<ComponentDefinition> datacenters, ImmutableArray<ComponentDefinition> controllers, IReadOnlyList<string> declaredDatacenters)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ComponentDefinition c in (grid is null ? [] : new[] { grid }).Concat(datacenters).Concat(controllers))
        {
            string path = LocationMap.Join(c.Path, "name");
            if (string.IsNullOrWhiteSpace(c.Name))
                Report(binder, path, "is required: a unique component name");
            else if (seen.TryGetValue(c.Name, out string? first))
                Report(binder, path, $"'{c.Name}' is already the name of {first}; names must be unique");
            else
                seen[c.Name] = c.Path;
        }
        var datacenterNames = datacenters.Select(d => d.Name).Concat(declaredDatacenters).Distinct(StringComparer.Ordinal).ToList();
        foreach (ComponentDefinition c in controllers)
        {
            var placement = (ControllerPlacement)c.Placement;
            for (int i = 0; i < placement.Targets.Count; i++)
            {
                string target = placement.Targets[i];
                if (datacenterNames.Contains(target, StringComparer.Ordinal))
                    continue;
                string? suggestion = DidYouMean.Closest(target, datacenterNames);
                string hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
                Report(binder, $"{c.Path}.targets[{i}]",
                    $"no datacenter named '{target}'{hint}; datacenters: {(datacenterNames.Count == 0 ? "none" : string.Join(", ", datacenterNames))}");
            }
        }
    }

    /// <summary>Every file or folder an options record names must exist, relative to the scenario's folder.</summary>
    private static void CheckFiles(YamlBinder binder, object? record, string path, string baseDirectory)
    {
        if (record is null || !OptionShape.IsRecord(record.GetType()))
            return;
        foreach (var (key, property) in OptionShape.Keys(record.GetType()))
        {
            object? value = property.GetValue(record);
            string keyPath = LocationMap.Join(path, key);
            if (FileProperties.TryGetValue((property.DeclaringType!, property.Name), out bool isFile))
            {
                if (value is string s && s.Length > 0)
                {
                    if (isFile)
                        CheckFile(binder, keyPath, s, baseDirectory);
                    else
                        CheckDirectory(binder, keyPath, s, baseDirectory, "the folder");
                }
                continue;
            }
            if (value is null || value is string)
                continue;
            if (OptionShape.ListElement(property.PropertyType) is Type element && OptionShape.IsRecord(element))
            {
                int i = 0;
                foreach (object? item in OptionShape.Items(value))
                    CheckFiles(binder, item, $"{keyPath}[{i++}]", baseDirectory);
            }
            else if (OptionShape.IsRecord(property.PropertyType))
            {
                CheckFiles(binder, value, keyPath, baseDirectory);
            }
        }
    }

    private static void CheckFile(YamlBinder binder, string path, string relative, string baseDirectory)
    {
        string full = Path.GetFullPath(Path.Combine(baseDirectory, relative));
        if (!File.Exists(full))
            Report(binder, path, $"file '{relative}' not found (resolved against the scenario's folder to {full})");
    }

    private static void CheckDirectory(YamlBinder binder, string path, string relative, string baseDirectory, string what)
    {
        string full = Path.GetFullPath(Path.Combine(baseDirectory, relative));
        if (!Directory.Exists(full))
            Report(binder, path, $"{what} '{relative}' not found (resolved against the scenario's folder to {full})");
    }

    private static void Report(YamlBinder binder, string path, string message) =>
        binder.Diagnostics.Add(Diagnostic.Error(binder.Locations.Find(path), path, message));
}
