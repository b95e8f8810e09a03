using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>A YAML node written back as flow-style YAML text (what a <c>--set path=value</c> override takes).</summary>
internal static class YamlText
{
    public static string Of(YamlNode node) => node switch
    {
        YamlScalarNode s when s.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted =>
            "'" + (s.Value ?? string.Empty).Replace("'", "''", StringComparison.Ordinal) + "'",
        YamlScalarNode s => s.Value ?? string.Empty,
        YamlSequenceNode q => "[" + string.Join(", ", q.Children.Select(Of)) + "]",
        YamlMappingNode m => "{" + string.Join(", ", m.Children.Select(kv => Of(kv.Key) + ": " + Of(kv.Value))) + "}",
        _ => string.Empty,
    };

    /// <summary>True when the scalar was quoted in the file (its value is text whatever it looks like).</summary>
    public static bool IsQuoted(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted };
}
