using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Traces;
using OpenG2G.Scenarios.Binding;

namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// Builds the components of a <see cref="ScenarioDefinition"/> through their registered factories:
/// datacenters, then the grid (with every datacenter's attachment), then controllers (with the
/// datacenters and grid they may use). What only construction can find (an unknown model in the trace
/// library, a bus not in the feeder, a controller whose target lacks a capability) is reported at the
/// component's YAML node; all problems together, as <see cref="InvalidInputException"/>.
/// </summary>
public static class ScenarioBuilder
{
    public static BuiltScenario Build(ScenarioDefinition definition) => Build(definition, []);

    /// <summary>
    /// Build what <paramref name="earlier"/> (the loader's problems) leaves buildable: a component with a
    /// problem under its own path is skipped, the others are built and checked, so one pass reports the
    /// problems of both stages. Throws <see cref="InvalidInputException"/> with all of them, in file order.
    /// </summary>
    public static BuiltScenario Build(ScenarioDefinition definition, IReadOnlyList<Diagnostic> earlier)
    {
        var diagnostics = new List<Diagnostic>(earlier);
        var failed = earlier.Where(d => d.Severity == Severity.Error).Select(d => d.Path).ToList();
        bool Usable(ComponentDefinition c) => !failed.Any(p => p == c.Path || p.StartsWith(c.Path + ".", StringComparison.Ordinal));
        string? library = failed.Contains("trace_library") ? null : TraceLibraryDirectory(definition, diagnostics);

        var datacenters = new List<IDatacenter>();
        var attachments = ImmutableArray.CreateBuilder<DatacenterAttachment>();
        bool allDatacenters = library is not null;
        foreach (ComponentDefinition d in definition.Datacenters)
        {
            if (!Usable(d))
            {
                // Its own problems are reported; the grid is built without it.
                allDatacenters = false;
                continue;
            }
            var placement = (DatacenterPlacement)d.Placement;
            string bus = LocationMap.Join(d.Path, "bus");
            attachments.Add(new DatacenterAttachment(d.Name, placement.Bus, placement.Connection, placement.PowerFactor)
            {
                BusPath = bus,
                BusAt = definition.Locations.Find(bus),
            });
            if (library is null)
            {
                allDatacenters = false;
                continue;
            }
            var context = new DatacenterBuildContext(d.Name, d.Period, definition.BaseDirectory, library);
            if (Create(definition, d, context, diagnostics) is IDatacenter dc)
                datacenters.Add(dc);
            else
                allDatacenters = false;
        }

        IGrid? grid = null;
        if (definition.Grid is { } g && Usable(g))
        {
            var context = new GridBuildContext(g.Name, g.Period, definition.BaseDirectory, attachments.ToImmutable());
            grid = Create(definition, g, context, diagnostics) as IGrid;
        }

        var controllers = BuildControllers(definition, grid, datacenters, allDatacenters, attachments.ToImmutable(), Usable, diagnostics);
        if (diagnostics.Any(d => d.Severity == Severity.Error))
            throw new InvalidInputException(ScenarioLoader.Sorted(diagnostics));

        var setup = new SimulationSetup(datacenters.ToImmutableArray(), grid, controllers, definition.Duration);
        ImmutableArray<string> excluded = grid is IGridTopology topology
            ? topology.ExcludedBuses.OrderBy(b => b, StringComparer.Ordinal).ToImmutableArray()
            : ImmutableArray<string>.Empty;
        return new BuiltScenario(definition, setup, excluded, Deadlines(datacenters));
    }

    /// <summary>Controllers whose grid and target datacenters were built (a controller over a broken target would only repeat its problem).</summary>
    private static ImmutableArray<ControllerSlot> BuildControllers(ScenarioDefinition definition, IGrid? grid, List<IDatacenter> datacenters, bool allDatacenters,
        ImmutableArray<DatacenterAttachment> attachments, Func<ComponentDefinition, bool> usable, List<Diagnostic> diagnostics)
    {
        var controllers = ImmutableArray.CreateBuilder<ControllerSlot>();
        if (definition.Grid is null && !definition.Controllers.IsEmpty)
            diagnostics.Add(Diagnostic.Error(definition.Locations.Find("controllers"), "controllers", "controllers need a grid; add a grid entry"));
        if (grid is null)
            return controllers.ToImmutable();
        var all = datacenters.ToImmutableArray();
        foreach (ComponentDefinition c in definition.Controllers.Where(usable))
        {
            var placement = (ControllerPlacement)c.Placement;
            if (placement.Targets.Count == 0 ? !allDatacenters : placement.Targets.Any(t => !all.Any(d => d.Name == t)))
                continue;
            ImmutableArray<IDatacenter> targets = placement.Targets.Count == 0
                ? all
                : placement.Targets.Select(t => all.First(d => d.Name == t)).ToImmutableArray();
            TimeSpan delay = TimeBase.Duration(placement.DelayS, "delay_s");
            var context = new ControllerBuildContext(c.Name, c.Period, definition.BaseDirectory, targets, all, grid, attachments, delay);
            if (Create(definition, c, context, diagnostics) is IController controller)
                controllers.Add(new ControllerSlot(controller, delay));
        }
        return controllers.ToImmutable();
    }

    private static ImmutableDictionary<string, double> Deadlines(IEnumerable<IDatacenter> datacenters)
    {
        var deadlines = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (IBatchControllable site in datacenters.OfType<IBatchControllable>())
        {
            foreach (ServedModelInfo m in site.Models)
                deadlines.TryAdd(m.Model, m.ItlDeadlineS);
        }
        return deadlines.ToImmutable();
    }

    private static string? TraceLibraryDirectory(ScenarioDefinition definition, List<Diagnostic> diagnostics)
    {
        if (definition.Datacenters.IsEmpty)
            return string.Empty;
        if (definition.Header.TraceLibrary is { } own)
            return Path.GetFullPath(Path.Combine(definition.BaseDirectory, own));
        string? found = TraceLibraryLocator.Find();
        if (found is null)
        {
            diagnostics.Add(Diagnostic.Error(definition.Locations.Find("datacenters"), "trace_library",
                $"no trace library found: set trace_library in the scenario, or {TraceLibraryLocator.EnvironmentVariable}, or run inside the repository (its traces/ folder)"));
        }
        return found;
    }

    /// <summary>Call the factory; construction failures become diagnostics located at the component (or the option they name).</summary>
    private static ISimComponent? Create(ScenarioDefinition definition, ComponentDefinition c, object context, List<Diagnostic> diagnostics)
    {
        try
        {
            return c.Registration.Create(c.Options, context);
        }
        catch (InvalidInputException e)
        {
            foreach (Diagnostic d in e.Errors)
            {
                if (d.Location.IsKnown)
                {
                    diagnostics.Add(d);
                    continue;
                }
                string path = LocationMap.Join(c.Path, d.Path);
                diagnostics.Add(Diagnostic.Error(definition.Locations.Find(path), path, d.Message));
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or IOException or FormatException or KeyNotFoundException)
        {
            (string path, string message) = SplitPath(e.Message, c.Path);
            diagnostics.Add(Diagnostic.Error(definition.Locations.Find(path), path, message));
        }
        return null;
    }

    /// <summary>
    /// Factories report an option they refute as <c>option.path: message</c>; such a prefix (no spaces)
    /// is joined to the component's path so the problem is located at the option.
    /// </summary>
    private static (string Path, string Message) SplitPath(string message, string componentPath)
    {
        string text = StripParamName(message);
        int colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && !text[..colon].Contains(' ') && !text[..colon].Contains('\''))
            return (LocationMap.Join(componentPath, text[..colon]), text[(colon + 2)..]);
        return (componentPath, text);
    }

    private static string StripParamName(string message)
    {
        int cut = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
