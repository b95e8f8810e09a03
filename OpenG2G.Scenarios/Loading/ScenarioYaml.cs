using OpenG2G.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// Reads a scenario file's YAML tree. Every syntax error becomes one located diagnostic, also the
/// ones YamlDotNet does not locate itself (an unclosed <c>{</c> or <c>[</c> followed by more lines makes
/// its scanner throw <see cref="InvalidOperationException"/>): a flow collection still open where
/// parsing stopped is named with the line and column where it was opened.
/// </summary>
internal static class ScenarioYaml
{
    public static YamlMappingNode? Parse(string file, string display, List<Diagnostic> diagnostics)
    {
        string text = File.ReadAllText(file);
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            string message = e.InnerException?.Message ?? e.Message;
            string hint = FlowBrackets.OpenAt(text, (int)e.Start.Line, (int)e.Start.Column) is { } open
                ? $" (the '{open.Bracket}' opened at line {open.Line}, column {open.Column} is not closed)"
                : string.Empty;
            diagnostics.Add(Diagnostic.Error(At(display, e.Start), string.Empty, "not valid YAML: " + message + hint));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner gave up without saying where: report the flow collection still open there.
            Mark stop = scanner.CurrentPosition;
            diagnostics.Add(FlowBrackets.OpenAt(text, (int)stop.Line, (int)stop.Column) is { } open
                ? Diagnostic.Error(new SourceLocation(display, open.Line, open.Column), string.Empty,
                    $"not valid YAML: this '{open.Bracket}' is never closed: close the {(open.Bracket == '{' ? "flow mapping with '}'" : "flow sequence with ']'")} before the next key (parsing stopped at line {stop.Line}, column {stop.Column})")
                : Diagnostic.Error(At(display, stop), string.Empty, "not valid YAML: the parser stopped here"));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation(display, 1, 1), string.Empty, "a scenario is a mapping of keys (duration_s, grid, datacenters, controllers, ...)"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(Diagnostic.Error(At(display, stream.Documents[1].RootNode.Start), string.Empty,
                "a scenario file holds one YAML document; remove the '---' and what follows, or put it in its own file"));
            return null;
        }
        return root;
    }

    private static SourceLocation At(string display, Mark mark) => new(display, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));
}
