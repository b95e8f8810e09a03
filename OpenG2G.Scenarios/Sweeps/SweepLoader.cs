using System.Collections.Immutable;
using System.Security.Cryptography;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Binding;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// Reads a sweep file into a <see cref="SweepPlan"/>: binds and checks its keys, expands the axes, and loads every
/// expanded run's scenario with its overrides so that each problem is reported before anything runs, at the sweep
/// file's line for the axis that caused it (<c>file:line:column: path: message</c>). Throws one
/// <see cref="InvalidInputException"/> listing every problem.
/// </summary>
public static partial class SweepLoader
{
    /// <summary>Read, expand and check <paramref name="path"/>; <paramref name="checkRuns"/> false skips loading every run's scenario.</summary>
    public static SweepPlan Load(string path, bool checkRuns = true)
    {
        string file = Path.GetFullPath(path);
        if (!File.Exists(file))
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty, $"sweep file not found (looked for {file})"));
        var diagnostics = new List<Diagnostic>();
        var binder = new YamlBinder(path, diagnostics, new LocationMap());
        YamlMappingNode root = Parse(file, path);
        var sweep = (SweepFile)binder.BindRecord(root, typeof(SweepFile), string.Empty, ["set"], null);
        foreach (var p in sweep.Validate())
            diagnostics.Add(Diagnostic.Error(binder.Locations.Find(p.Path), p.Path, p.Message));
        string directory = Path.GetDirectoryName(file)!;
        var context = new AxisContext(binder, root, directory);
        var fixedOverrides = FixedOverrides(binder, root);
        var axes = new List<AxisPoints>();
        for (int i = 0; i < sweep.Axes.Count; i++)
            axes.Add(context.Expand(sweep.Axes[i], $"axes[{i}]"));
        var parameters = axes.SelectMany(a => a.Parameters).ToList();
        var derived = Derived(binder, sweep, parameters);
        SearchSpec? search = Search(binder, sweep, parameters);
        CheckNames(binder, parameters);
        if (diagnostics.Count > 0)
            throw new InvalidInputException(SortedErrors(diagnostics));

        string? scenario = sweep.Scenario is null ? null : context.ScenarioFile(sweep.Scenario, "scenario");
        if (diagnostics.Count > 0)
            throw new InvalidInputException(SortedErrors(diagnostics));
        var plan = Assemble(sweep, file, scenario, axes, parameters.ToImmutableArray(), fixedOverrides, derived, search);
        if (checkRuns)
            CheckRuns(plan);
        return plan;
    }

    private static YamlMappingNode Parse(string file, string display)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(display, (int)e.Start.Line, (int)e.Start.Column), string.Empty,
                "not valid YAML: " + (e.InnerException?.Message ?? e.Message)));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(display, 1, 1), string.Empty, "a sweep is a mapping of keys (scenario, set, axes, derived, ...)"));
        return root;
    }

    /// <summary>The <c>set</c> mapping: <c>path: value</c> overrides applied to every run.</summary>
    private static ImmutableArray<(string, string, SourceLocation)> FixedOverrides(YamlBinder binder, YamlMappingNode root)
    {
        var result = ImmutableArray.CreateBuilder<(string, string, SourceLocation)>();
        if (!root.Children.TryGetValue(new YamlScalarNode("set"), out YamlNode? node))
            return result.ToImmutable();
        if (node is not YamlMappingNode map)
        {
            binder.Error(node, "set", "expected a mapping of scenario paths to values, e.g. duration_s: 60");
            return result.ToImmutable();
        }
        foreach (var (key, value) in map.Children)
        {
            string path = (key as YamlScalarNode)?.Value ?? string.Empty;
            binder.Locations.Record("set." + path, binder.Locate(key));
            result.Add((path, YamlText.Of(value), binder.Locate(key)));
        }
        return result.ToImmutable();
    }

    private static void CheckNames(YamlBinder binder, List<SweepParameter> parameters)
    {
        foreach (var g in parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            SweepParameter second = g.Skip(1).First();
            binder.Diagnostics.Add(Diagnostic.Error(second.Location, "name", $"'{g.Key}' names two parameters; give each its own name"));
        }
        foreach (SweepParameter p in parameters.Where(p => SweepTable.ReservedNames.Contains(p.Name)))
            binder.Diagnostics.Add(Diagnostic.Error(p.Location, "name", $"'{p.Name}' is a column of the results table already; give the parameter another name"));
        foreach (var g in parameters.Where(p => p.Path.Length > 0).GroupBy(p => p.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
            binder.Diagnostics.Add(Diagnostic.Error(g.Skip(1).First().Location, "parameter", $"'{g.Key}' is set by two axes"));
    }

    /// <summary>SHA-256 of the sweep file and every base scenario file: a changed input is a different sweep.</summary>
    private static string Fingerprint(string file, IEnumerable<string> scenarios)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string f in scenarios.Prepend(file).Distinct(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(f) + "\n"));
            sha.AppendData(File.ReadAllBytes(f));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    internal static List<Diagnostic> SortedErrors(IEnumerable<Diagnostic> diagnostics) =>
        Loading.ScenarioLoader.Sorted(diagnostics.DistinctBy(d => d.ToString()));
}
