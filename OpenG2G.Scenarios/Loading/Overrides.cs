using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Binding;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// Applies <c>--set path=value</c> to the YAML tree before binding: <c>duration_s=60</c>,
/// <c>controllers[0].period_s=2</c>, <c>grid.excluded_buses=[650, rg60]</c>. The value is YAML, so
/// lists and mappings work; a missing last key is added. Problems in a value are reported against the
/// option's text.
/// </summary>
internal static class Overrides
{
    public static void Apply(YamlMappingNode root, IReadOnlyList<string> overrides, YamlBinder binder)
    {
        foreach (string text in overrides)
        {
            string origin = "--set " + text;
            int eq = text.IndexOf('=');
            if (eq <= 0)
            {
                binder.Diagnostics.Add(Diagnostic.Error(new SourceLocation(origin, 0, 0), string.Empty, "expected PATH=VALUE, e.g. duration_s=60"));
                continue;
            }
            string path = text[..eq].Trim();
            YamlNode value = ParseValue(text[(eq + 1)..]);
            foreach (YamlNode n in value.AllNodes)
                binder.OverrideOrigins[n] = origin;
            string? problem = Set(root, path, value, binder, origin);
            if (problem is not null)
                binder.Diagnostics.Add(Diagnostic.Error(new SourceLocation(origin, 0, 0), path, problem));
        }
    }

    private static YamlNode ParseValue(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 1)
                return stream.Documents[0].RootNode;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // Not YAML: take the text literally.
        }
        return new YamlScalarNode(text);
    }

    private static string? Set(YamlMappingNode root, string path, YamlNode value, YamlBinder binder, string origin)
    {
        List<object> segments = Segments(path);
        if (segments.Count == 0)
            return "the path is empty";
        YamlNode current = root;
        for (int i = 0; i < segments.Count; i++)
        {
            bool last = i == segments.Count - 1;
            switch (segments[i], current)
            {
                case (string key, YamlMappingNode map):
                    var keyNode = new YamlScalarNode(key);
                    if (last)
                    {
                        binder.OverrideOrigins[keyNode] = origin;
                        if (map.Children.ContainsKey(keyNode))
                            map.Children[keyNode] = value;
                        else
                            map.Children.Add(keyNode, value);
                        return null;
                    }
                    if (!map.Children.TryGetValue(keyNode, out YamlNode? next))
                        return $"'{key}' is not in the scenario";
                    current = next;
                    break;
                case (int index, YamlSequenceNode seq):
                    if (index >= seq.Children.Count)
                        return $"index {index} is past the end of a list of {seq.Children.Count}";
                    if (last)
                    {
                        seq.Children[index] = value;
                        return null;
                    }
                    current = seq.Children[index];
                    break;
                default:
                    return $"cannot follow '{segments[i]}' into {YamlBinder.DescribeNode(current)}";
            }
        }
        return null;
    }

    private static List<object> Segments(string path)
    {
        var result = new List<object>();
        foreach (string part in path.Split('.'))
        {
            string rest = part;
            int bracket = rest.IndexOf('[');
            string name = bracket < 0 ? rest : rest[..bracket];
            if (name.Length > 0)
                result.Add(name);
            while (bracket >= 0)
            {
                int close = rest.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(rest[(bracket + 1)..close], out int index) || index < 0)
                    return new List<object>();
                result.Add(index);
                rest = rest[(close + 1)..];
                bracket = rest.IndexOf('[');
            }
        }
        return result;
    }
}
