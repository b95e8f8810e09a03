using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Randomness;
using OpenG2G.Scenarios.Binding;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>Expands the axes of a sweep file into <see cref="AxisPoints"/>, reporting problems at their YAML nodes.</summary>
internal sealed class AxisContext(YamlBinder binder, YamlMappingNode root, string directory)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public AxisPoints Expand(SweepAxisOptions a, string path)
    {
        int kinds = (a.Values.Count > 0 ? 1 : 0) + (a.Range is not null ? 1 : 0) + (a.Zip.Count > 0 ? 1 : 0)
            + (a.Random is not null ? 1 : 0) + (a.Search is not null ? 1 : 0) + (a.Scenarios.Count > 0 ? 1 : 0) + (a.OneAtATime.Count > 0 ? 1 : 0);
        if (kinds != 1)
        {
            Error(path, kinds == 0
                ? "give the axis's values: one of values, range, zip, random, search, scenarios or one_at_a_time"
                : "give exactly one of values, range, zip, random, search, scenarios or one_at_a_time");
            return Empty;
        }
        if (a.OneAtATime.Count > 0)
            return OneAtATime(a.OneAtATime, path + ".one_at_a_time");
        if (a.Zip.Count > 0)
            return Zip(a, path);
        if (a.Random is { } random)
            return Random(random, path + ".random");
        if (a.Scenarios.Count > 0)
            return ScenarioAxis(a, path);
        if (Parameter(a.Parameter, path) is not string parameter)
            return Empty;
        if (a.Search is { } search)
            return new AxisPoints([Column(a.Name, parameter, search.Integer ? SweepValueType.Integer : SweepValueType.Number, path)], [[default]]) { IsSearch = true };
        ImmutableArray<SweepValue> values = a.Range is { } range ? Range(range, path + ".range") : Values(path + ".values", a.Values);
        if (values.IsEmpty)
            return Empty;
        return new AxisPoints([Column(a.Name, parameter, Widest(values), path)], values.Select(v => ImmutableArray.Create(v)).ToImmutableArray());
    }

    /// <summary>The full path of a scenario file named relative to the sweep file; a problem when it does not exist.</summary>
    public string? ScenarioFile(string relative, string path)
    {
        string full = Path.GetFullPath(Path.Combine(directory, relative));
        if (File.Exists(full))
            return full;
        Error(path, $"scenario file not found (looked for {full})");
        return null;
    }

    private static AxisPoints Empty => new([], []);

    private AxisPoints Zip(SweepAxisOptions a, string path)
    {
        if (a.Parameter is not null || a.Name is not null)
            Error(path, "a zip axis lists its parameters inside zip; parameter and name go there");
        var parts = a.Zip.Select((z, i) => Expand(z, $"{path}.zip[{i}]")).ToList();
        if (parts.Any(p => p.Points.IsEmpty))
            return Empty;
        if (parts.Any(p => p.IsSearch || !p.Scenarios.IsEmpty))
        {
            Error(path, "a zip axis takes values, range or random axes only");
            return Empty;
        }
        int n = parts[0].Points.Length;
        for (int i = 1; i < parts.Count; i++)
        {
            if (parts[i].Points.Length != n)
                Error($"{path}.zip[{i}]", $"has {parts[i].Points.Length} values, but zip[0] has {n}: zipped axes vary together and need the same number");
        }
        if (parts.Any(p => p.Points.Length != n))
            return Empty;
        var points = Enumerable.Range(0, n).Select(k => parts.SelectMany(p => p.Points[k]).ToImmutableArray()).ToImmutableArray();
        return new AxisPoints(parts.SelectMany(p => p.Parameters).ToImmutableArray(), points);
    }

    /// <summary>Per listed parameter, one point per value with every other parameter at its default; then <c>varied</c> and <c>varied_value</c>.</summary>
    private AxisPoints OneAtATime(IReadOnlyList<OneAtATimeOptions> list, string path)
    {
        var columns = new List<SweepParameter>();
        var values = new List<ImmutableArray<SweepValue>>();
        var defaults = new List<SweepValue>();
        for (int i = 0; i < list.Count; i++)
        {
            string p = $"{path}[{i}]";
            ImmutableArray<SweepValue> v = Values(p + ".values", list[i].Values);
            if (Parameter(list[i].Parameter, p) is not string parameter || v.IsEmpty)
                return Empty;
            if (list[i].Default is not { } d)
            {
                Error(p + ".default", "required: the parameter's value while another one varies");
                return Empty;
            }
            SweepValue dv = SweepValue.Parse(d, YamlText.IsQuoted(Node(p + ".default") ?? new YamlScalarNode()));
            columns.Add(Column(list[i].Name, parameter, Widest(v.Add(dv)), p));
            values.Add(v);
            defaults.Add(dv);
        }
        var points = ImmutableArray.CreateBuilder<ImmutableArray<SweepValue>>();
        for (int i = 0; i < list.Count; i++)
        {
            foreach (SweepValue v in values[i])
            {
                var point = defaults.ToArray();
                point[i] = v;
                points.Add([.. point, SweepValue.OfText(columns[i].Name), v.Type == SweepValueType.Text ? SweepValue.OfNumber(double.NaN) : SweepValue.OfNumber(v.AsDouble)]);
            }
        }
        SourceLocation at = binder.Locations.Find(path);
        columns.Add(new SweepParameter("varied", string.Empty, SweepValueType.Text, at));
        columns.Add(new SweepParameter("varied_value", string.Empty, SweepValueType.Number, at));
        return new AxisPoints(columns.ToImmutableArray(), points.ToImmutable());
    }

    private AxisPoints ScenarioAxis(SweepAxisOptions a, string path)
    {
        if (a.Parameter is not null)
            Error(path + ".parameter", "a scenarios axis chooses the base scenario; it sets no parameter");
        var files = a.Scenarios.Select((s, i) => ScenarioFile(s, $"{path}.scenarios[{i}]")).ToList();
        if (files.Any(f => f is null))
            return Empty;
        var labels = files.Select(f => SweepValue.OfText(Path.GetFileNameWithoutExtension(f!))).ToImmutableArray();
        if (labels.Select(l => l.Text).Distinct().Count() != labels.Length)
            Error(path + ".scenarios", "two scenario files have the same name; the column could not tell them apart");
        var column = new SweepParameter(a.Name ?? "scenario", string.Empty, SweepValueType.Text, binder.Locations.Find(path));
        return new AxisPoints([column], labels.Select(l => ImmutableArray.Create(l)).ToImmutableArray()) { Scenarios = files.Select(f => f!).ToImmutableArray() };
    }

    private ImmutableArray<SweepValue> Range(RangeOptions r, string path)
    {
        bool ok = true;
        if (!double.IsFinite(r.From) || !double.IsFinite(r.To))
            ok = Error(path, $"from and to must be finite numbers, got {r.From.ToString(Inv)} and {r.To.ToString(Inv)}");
        if (r.Count < 1 || (r.Count == 1 && r.From != r.To))
            ok = Error(path + ".count", $"must be >= 2 (or 1 with from = to), got {r.Count}");
        if (r.Scale == RangeScale.Log && !(r.From > 0 && r.To > 0))
            ok = Error(path + ".scale", $"log spacing needs from and to > 0, got {r.From.ToString(Inv)} and {r.To.ToString(Inv)}");
        if (!ok)
            return [];
        var values = ImmutableArray.CreateBuilder<SweepValue>();
        for (int k = 0; k < r.Count; k++)
        {
            double f = r.Count == 1 ? 0 : k / (double)(r.Count - 1);
            double v = r.Scale == RangeScale.Log
                ? (k == r.Count - 1 ? r.To : r.From * Math.Pow(r.To / r.From, f))
                : (k == r.Count - 1 ? r.To : r.From + (r.To - r.From) * f);
            values.Add(r.Integer ? SweepValue.OfInteger((long)Math.Round(v, MidpointRounding.AwayFromZero)) : SweepValue.OfNumber(v));
        }
        if (r.Integer && values.Select(v => v.Integer).Distinct().Count() != values.Count)
            Error(path, "rounding to whole numbers makes two values equal; use fewer values or a wider range");
        return values.ToImmutable();
    }

    private AxisPoints Random(RandomOptions r, string path)
    {
        if (r.Count < 1)
            Error(path + ".count", $"must be >= 1, got {r.Count}");
        if (r.Parameters.Count == 0)
            Error(path + ".parameters", "list the parameters to draw");
        var columns = new List<SweepParameter>();
        var draws = new List<Func<SimRandom, SweepValue>>();
        for (int i = 0; i < r.Parameters.Count; i++)
        {
            string p = $"{path}.parameters[{i}]";
            RandomParameterOptions rp = r.Parameters[i];
            if (Parameter(rp.Parameter, p) is not string parameter || Draw(rp, p) is not { } draw)
                continue;
            columns.Add(Column(rp.Name, parameter, draw.Type, p));
            draws.Add(draw.Draw);
        }
        if (columns.Count != r.Parameters.Count || r.Count < 1)
            return Empty;
        var rng = new SimRandom(r.Seed);
        var points = ImmutableArray.CreateBuilder<ImmutableArray<SweepValue>>();
        for (int k = 0; k < r.Count; k++)
            points.Add(draws.Select(d => d(rng)).ToImmutableArray());
        return new AxisPoints(columns.ToImmutableArray(), points.ToImmutable());
    }

    private (SweepValueType Type, Func<SimRandom, SweepValue> Draw)? Draw(RandomParameterOptions rp, string path)
    {
        int kinds = (rp.Uniform.Count > 0 ? 1 : 0) + (rp.LogUniform.Count > 0 ? 1 : 0) + (rp.Integer.Count > 0 ? 1 : 0) + (rp.Choice.Count > 0 ? 1 : 0);
        if (kinds != 1)
        {
            Error(path, "give exactly one of uniform: [low, high], log_uniform: [low, high], integer: [low, high] or choice: [...]");
            return null;
        }
        if (rp.Uniform.Count > 0)
            return Bounds(rp.Uniform, path + ".uniform", false) ? (SweepValueType.Number, g => SweepValue.OfNumber(g.NextUniform(rp.Uniform[0], rp.Uniform[1]))) : null;
        if (rp.LogUniform.Count > 0)
        {
            return Bounds(rp.LogUniform, path + ".log_uniform", true)
                ? (SweepValueType.Number, g => SweepValue.OfNumber(Math.Exp(g.NextUniform(Math.Log(rp.LogUniform[0]), Math.Log(rp.LogUniform[1])))))
                : null;
        }
        if (rp.Integer.Count > 0)
        {
            if (rp.Integer.Count != 2 || rp.Integer[0] > rp.Integer[1] || rp.Integer[1] - rp.Integer[0] >= int.MaxValue)
            {
                Error(path + ".integer", "needs [low, high] with low <= high");
                return null;
            }
            long low = rp.Integer[0], span = rp.Integer[1] - low + 1;
            return (SweepValueType.Integer, g => SweepValue.OfInteger(low + g.NextInt((int)span)));
        }
        ImmutableArray<SweepValue> choices = Values(path + ".choice", rp.Choice);
        return choices.IsEmpty ? null : (Widest(choices), g => choices[g.NextInt(choices.Length)]);
    }

    private bool Bounds(IReadOnlyList<double> b, string path, bool positive)
    {
        if (b.Count == 2 && double.IsFinite(b[0]) && double.IsFinite(b[1]) && b[0] < b[1] && (!positive || b[0] > 0))
            return true;
        return Error(path, positive ? "needs [low, high] with 0 < low < high" : "needs [low, high] with low < high, both finite");
    }

    /// <summary>Values as written: the YAML nodes tell quoted text from numbers.</summary>
    private ImmutableArray<SweepValue> Values(string path, IReadOnlyList<string> texts)
    {
        YamlNode? node = Node(path);
        var nodes = node is YamlSequenceNode seq ? seq.Children.ToList() : [];
        var values = texts.Select((t, i) => SweepValue.Parse(t, i < nodes.Count && YamlText.IsQuoted(nodes[i]))).ToImmutableArray();
        if (values.Select(v => v.Text).Distinct(StringComparer.Ordinal).Count() != values.Length)
            Error(path, "lists a value twice");
        return values;
    }

    private string? Parameter(string? parameter, string path)
    {
        if (!string.IsNullOrWhiteSpace(parameter))
            return parameter.Trim();
        Error(path + ".parameter", "required: the scenario path the axis sets, e.g. datacenters[0].bus");
        return null;
    }

    private SweepParameter Column(string? name, string parameter, SweepValueType type, string path) =>
        new(name ?? DefaultName(parameter), parameter, type, binder.Locations.Find(path + ".parameter"));

    /// <summary>The column name of a parameter path: <c>datacenters[0].bus</c> is <c>datacenters_0_bus</c>.</summary>
    public static string DefaultName(string parameter) =>
        string.Join('_', parameter.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries));

    private static SweepValueType Widest(ImmutableArray<SweepValue> values) =>
        values.Any(v => v.Type == SweepValueType.Text) ? SweepValueType.Text
        : values.Any(v => v.Type == SweepValueType.Number) ? SweepValueType.Number : SweepValueType.Integer;

    private bool Error(string path, string message)
    {
        binder.Diagnostics.Add(Diagnostic.Error(binder.Locations.Find(path), path, message));
        return false;
    }

    /// <summary>The YAML node at a binder path such as <c>axes[1].zip[0].values</c>, or null.</summary>
    private YamlNode? Node(string path)
    {
        YamlNode? node = root;
        foreach (string part in path.Split('.'))
        {
            int bracket = part.IndexOf('[');
            string key = bracket < 0 ? part : part[..bracket];
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
                return null;
            for (int b = bracket; b >= 0; b = part.IndexOf('[', b + 1))
            {
                int index = int.Parse(part[(b + 1)..part.IndexOf(']', b)], Inv);
                if (node is not YamlSequenceNode seq || index >= seq.Children.Count)
                    return null;
                node = seq.Children[index];
            }
        }
        return node;
    }
}
