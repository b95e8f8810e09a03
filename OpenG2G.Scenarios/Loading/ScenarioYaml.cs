using OpenG2G.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// Reads a scenario file's YAML tree. Every syntax error becomes one located diagnostic, also the
/// ones YamlDotNet does not locate itself (an unclosed <c>{</c> or <c>[</c> followed by more lines makes
/// its scanner throw <see cref="InvalidOperationException"/>): a flow collection still open when
/// parsing fails is named with the line and column where it was opened.
/// </summary>
internal static class ScenarioYaml
{
    public static YamlMappingNode? Parse(string file, string display, List<Diagnostic> diagnostics)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        var scanner = new Scanner(reader, skipComments: true);
        var parser = new FlowTrackingParser(new Parser(scanner));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            string message = e.InnerException?.Message ?? e.Message;
            diagnostics.Add(Diagnostic.Error(At(display, e.Start), string.Empty, "not valid YAML: " + message + parser.OpenFlowHint()));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner gives up without a position: report the open flow collection, else where it stopped.
            diagnostics.Add(parser.InnermostOpenFlow is { } open
                ? Diagnostic.Error(At(display, open.Start), string.Empty,
                    $"not valid YAML: this '{Opener(open)}' is never closed: close the {Describe(open)} with '{Closer(open)}' before the next key (parsing stopped at line {scanner.CurrentPosition.Line}, column {scanner.CurrentPosition.Column})")
                : Diagnostic.Error(At(display, scanner.CurrentPosition), string.Empty, "not valid YAML: the parser stopped here"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation(display, 1, 1), string.Empty, "a scenario is a mapping of keys (duration_s, grid, datacenters, controllers, ...)"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            YamlNode second = stream.Documents[1].RootNode;
            diagnostics.Add(Diagnostic.Error(At(display, second.Start), string.Empty, "a scenario file holds one YAML document; remove the '---' and what follows, or put it in its own file"));
            return null;
        }
        return root;
    }

    private static SourceLocation At(string display, Mark mark) => new(display, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private static string Describe(NodeEvent open) => open is MappingStart ? "flow mapping" : "flow sequence";

    private static char Opener(NodeEvent open) => open is MappingStart ? '{' : '[';

    private static char Closer(NodeEvent open) => open is MappingStart ? '}' : ']';

    /// <summary>Passes events through, keeping the stack of collections open, so a failure can name the flow one it happened in.</summary>
    private sealed class FlowTrackingParser(IParser inner) : IParser
    {
        private readonly Stack<NodeEvent> _open = new();

        public ParsingEvent? Current => inner.Current;

        public NodeEvent? InnermostOpenFlow => _open.FirstOrDefault(e => e is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow });

        public bool MoveNext()
        {
            bool more = inner.MoveNext();
            switch (inner.Current)
            {
                case MappingStart or SequenceStart:
                    _open.Push((NodeEvent)inner.Current);
                    break;
                case MappingEnd or SequenceEnd when _open.Count > 0:
                    _open.Pop();
                    break;
            }
            return more;
        }

        public string OpenFlowHint() =>
            InnermostOpenFlow is { } open
                ? $" (the '{Opener(open)}' opened at line {open.Start.Line}, column {open.Start.Column} is not closed)"
                : string.Empty;
    }
}
