using System.Collections.Immutable;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Binding;
using OpenG2G.Scenarios.Plugins;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// Reads a scenario YAML file into a <see cref="ScenarioDefinition"/>: applies <c>--set</c> overrides,
/// loads plug-ins, binds every component's keys to its registered options record, validates, and
/// checks files, names, targets and periods. Every problem is collected; when there is any, one
/// <see cref="InvalidInputException"/> lists them all as <c>file:line:column: path: message</c>, in
/// file order.
/// </summary>
public sealed partial class ScenarioLoader
{
    private static readonly string[] ComponentKeys = ["grid", "datacenters", "controllers"];
    private readonly Func<ComponentRegistry> _registryFactory;

    /// <param name="registryFactory">Creates the registry to resolve types in (default: the built-ins); plug-ins add to it.</param>
    public ScenarioLoader(Func<ComponentRegistry>? registryFactory = null) =>
        _registryFactory = registryFactory ?? BuiltInComponents.CreateRegistry;

    /// <summary>Load and validate <paramref name="path"/>; throws <see cref="InvalidInputException"/> listing every problem.</summary>
    public ScenarioDefinition Load(string path, IReadOnlyList<string>? overrides = null)
    {
        var diagnostics = new List<Diagnostic>();
        ScenarioDefinition? definition = Read(path, overrides, diagnostics);
        if (definition is null || diagnostics.Any(d => d.Severity == Severity.Error))
            throw new InvalidInputException(Sorted(diagnostics));
        return definition;
    }

    /// <summary>
    /// Load and validate <paramref name="path"/>, adding every problem to <paramref name="diagnostics"/> instead of
    /// throwing. Returns the definition as far as it binds (components with problems included, so that the
    /// others can still be built and checked in the same pass), or null when the file is missing or not YAML.
    /// </summary>
    public ScenarioDefinition? Read(string path, IReadOnlyList<string>? overrides, List<Diagnostic> diagnostics)
    {
        string file = Path.GetFullPath(path);
        string display = path;
        if (!File.Exists(file))
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation(display, 0, 0), string.Empty, $"scenario file not found (looked for {file})"));
            return null;
        }

        var binder = new YamlBinder(display, diagnostics, new LocationMap());
        YamlMappingNode? root = ScenarioYaml.Parse(file, display, diagnostics);
        if (root is null)
            return null;
        Overrides.Apply(root, overrides ?? [], binder);

        var header = (ScenarioHeader)binder.BindRecord(root, typeof(ScenarioHeader), string.Empty, ComponentKeys, null);
        Validate(binder, header, string.Empty, root);
        TimeSpan duration = CheckDuration(binder, header, root);

        string baseDirectory = Path.GetDirectoryName(file)!;
        ComponentRegistry registry = _registryFactory();
        ImmutableArray<string> pluginPaths = LoadPlugins(binder, header, baseDirectory, registry);

        ComponentDefinition? grid = Child(root, "grid") is YamlNode gridNode
            ? BindComponent(binder, registry, ComponentKind.Grid, gridNode, "grid", typeof(GridPlacement))
            : null;
        ImmutableArray<ComponentDefinition> datacenters = BindList(binder, registry, root, "datacenters", ComponentKind.Datacenter, typeof(DatacenterPlacement));
        ImmutableArray<ComponentDefinition> controllers = BindList(binder, registry, root, "controllers", ComponentKind.Controller, typeof(ControllerPlacement));

        CheckNames(binder, grid, datacenters, controllers, DeclaredNames(Child(root, "datacenters")));
        CheckPeriods(binder, duration, grid, datacenters, controllers);
        if (header.TraceLibrary is { } library)
            CheckDirectory(binder, "trace_library", library, baseDirectory, "the trace library folder");
        foreach (ComponentDefinition c in datacenters.Concat(controllers).Concat(grid is null ? [] : [grid]))
            CheckFiles(binder, c.Options, c.Path, baseDirectory);
        CheckSomethingToSimulate(binder, root);

        string name = header.Name ?? Path.GetFileNameWithoutExtension(file);
        return new ScenarioDefinition(file, baseDirectory, name, header, duration, grid, datacenters, controllers, registry, binder.Locations, pluginPaths);
    }

    /// <summary>Diagnostics in file order (line, then column); ones without a position keep their order at the end.</summary>
    public static List<Diagnostic> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select((d, i) => (d, i))
            .OrderBy(x => x.d.Location.IsKnown ? 0 : 1)
            .ThenBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToList();

    /// <summary>The <c>name</c> of every mapping in a list, also of entries that failed to bind (so targets naming them are not reported twice).</summary>
    private static IReadOnlyList<string> DeclaredNames(YamlNode? list) =>
        list is YamlSequenceNode seq
            ? seq.Children.OfType<YamlMappingNode>().Select(m => (Child(m, "name") as YamlScalarNode)?.Value).OfType<string>().ToList()
            : [];

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;

    private static ImmutableArray<string> LoadPlugins(YamlBinder binder, ScenarioHeader header, string baseDirectory, ComponentRegistry registry)
    {
        var paths = ImmutableArray.CreateBuilder<string>();
        for (int i = 0; i < header.Plugins.Count; i++)
        {
            string path = $"plugins[{i}].path";
            if (string.IsNullOrWhiteSpace(header.Plugins[i].Path))
                continue;
            string full = Path.GetFullPath(Path.Combine(baseDirectory, header.Plugins[i].Path));
            string? problem = PluginLoader.Load(full, registry);
            if (problem is not null)
                binder.Diagnostics.Add(Diagnostic.Error(binder.Locations.Find(path), path, problem));
            else
                paths.Add(full);
        }
        return paths.ToImmutable();
    }
}
