using System.Globalization;
using System.Text;
using OpenG2G.Scenarios.Binding;
using OpenG2G.Scenarios.Loading;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// Writes <c>scenario.yaml</c> of a run folder: the scenario as it ran, after <c>--set</c> and
/// <c>--seed</c>, with every option's value in force (defaults included) and file paths made absolute,
/// so the file can be loaded again from anywhere and reproduces the run.
/// </summary>
public static class ResolvedScenarioWriter
{
    public const string FileName = "scenario.yaml";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string ToYaml(ScenarioDefinition d, ulong seed, string traceLibrary)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Resolved scenario: every key with the value it ran with (defaults included); paths are absolute.");
        sb.AppendLine("# Source: " + d.FilePath);
        Line(sb, 0, "name", Scalar(d.Name));
        if (d.Header.Description is { } description)
            Line(sb, 0, "description", Scalar(description));
        Line(sb, 0, "duration_s", Scalar(d.Header.DurationS));
        Line(sb, 0, "seed", Scalar(seed));
        if (traceLibrary.Length > 0)
            Line(sb, 0, "trace_library", Scalar(traceLibrary));
        if (d.PluginPaths.IsEmpty)
        {
            Line(sb, 0, "plugins", "[]");
        }
        else
        {
            sb.AppendLine("plugins:");
            foreach (string p in d.PluginPaths)
                sb.Append("  - path: ").AppendLine(Scalar(p));
        }
        sb.AppendLine("voltage_band:");
        WriteRecord(sb, d.Header.VoltageBand, 2, d.BaseDirectory);
        sb.AppendLine("outputs:");
        WriteRecord(sb, d.Header.Outputs, 2, d.BaseDirectory);
        if (d.Grid is { } g)
        {
            sb.AppendLine("grid:");
            WriteComponent(sb, g, 2, d.BaseDirectory);
        }
        WriteComponents(sb, "datacenters", d.Datacenters, d.BaseDirectory);
        WriteComponents(sb, "controllers", d.Controllers, d.BaseDirectory);
        return sb.ToString();
    }

    private static void WriteComponents(StringBuilder sb, string key, IReadOnlyList<ComponentDefinition> list, string baseDirectory)
    {
        if (list.Count == 0)
        {
            Line(sb, 0, key, "[]");
            return;
        }
        sb.AppendLine(key + ":");
        foreach (ComponentDefinition c in list)
        {
            var item = new StringBuilder();
            WriteComponent(item, c, 4, baseDirectory);
            sb.Append("  - ").Append(item.ToString(4, item.Length - 4));
        }
    }

    private static void WriteComponent(StringBuilder sb, ComponentDefinition c, int indent, string baseDirectory)
    {
        WriteRecord(sb, c.Placement, indent, baseDirectory, c.Placement is ControllerPlacement ? c.Name : null);
        WriteRecord(sb, c.Options, indent, baseDirectory);
    }

    private static void WriteRecord(StringBuilder sb, object record, int indent, string baseDirectory, string? defaultName = null)
    {
        foreach (var (key, property) in OptionShape.Keys(record.GetType()))
        {
            object? value = property.GetValue(record);
            if (key == "name" && defaultName is not null)
                value = defaultName;
            if (value is string s && s.Length > 0 && ScenarioLoader.IsPathProperty(property))
                value = Path.GetFullPath(Path.Combine(baseDirectory, s));
            WriteValue(sb, indent, key, value, property.PropertyType, baseDirectory);
        }
    }

    private static void WriteValue(StringBuilder sb, int indent, string key, object? value, Type type, string baseDirectory)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
        {
            Line(sb, indent, key, "null");
            return;
        }
        if (OptionShape.ListElement(t) is Type element)
        {
            var items = OptionShape.Items(value).ToList();
            if (items.Count == 0)
            {
                Line(sb, indent, key, "[]");
            }
            else if (!OptionShape.IsRecord(element))
            {
                Line(sb, indent, key, "[" + string.Join(", ", items.Select(Scalar)) + "]");
            }
            else
            {
                sb.Append(' ', indent).Append(key).AppendLine(":");
                foreach (object? item in items)
                {
                    var inner = new StringBuilder();
                    WriteRecord(inner, item!, indent + 4, baseDirectory);
                    sb.Append(' ', indent + 2).Append("- ").Append(inner.ToString(indent + 4, inner.Length - indent - 4));
                }
            }
            return;
        }
        if (OptionShape.IsRecord(t))
        {
            sb.Append(' ', indent).Append(key).AppendLine(":");
            WriteRecord(sb, value, indent + 2, baseDirectory);
            return;
        }
        Line(sb, indent, key, Scalar(value));
    }

    private static void Line(StringBuilder sb, int indent, string key, string value) =>
        sb.Append(' ', indent).Append(key).Append(": ").AppendLine(value);

    /// <summary>A scalar in YAML: numbers invariant and round-trippable, enums in snake_case, text double-quoted.</summary>
    private static string Scalar(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        double x => double.IsNaN(x) ? ".nan" : double.IsPositiveInfinity(x) ? ".inf" : double.IsNegativeInfinity(x) ? "-.inf" : x.ToString("R", Inv),
        decimal m => m.ToString(Inv),
        Enum e => NameCase.ToSnake(e.ToString()),
        IFormattable f => f.ToString(null, Inv),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
