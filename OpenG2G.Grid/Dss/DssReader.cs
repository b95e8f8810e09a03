using System.Collections.Immutable;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// Reads a DSS script: strips comments, splits lines into commands and expands
/// <c>Redirect</c>/<c>Compile</c> (paths relative to the file that names them) in place, keeping
/// the include chain for messages. File paths in locations are shown as the user gave the main
/// file, joined with the relative names of included files.
/// </summary>
public static class DssReader
{
    /// <summary>Read the script at <paramref name="path"/>. Never throws for bad input; see <see cref="DssScript.Diagnostics"/>.</summary>
    public static DssScript ReadFile(string path)
    {
        var commands = ImmutableArray.CreateBuilder<DssCommand>();
        var diagnostics = new List<Diagnostic>();
        if (!File.Exists(path))
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty, $"feeder file not found (looked for {Path.GetFullPath(path)})"));
            return new DssScript(path, commands.ToImmutable(), diagnostics.ToImmutableArray());
        }
        ReadInto(path, File.ReadAllLines(path), ImmutableArray<SourceLocation>.Empty, [Path.GetFullPath(path)], commands, diagnostics);
        return new DssScript(path, commands.ToImmutable(), diagnostics.ToImmutableArray());
    }

    /// <summary>Read script text that did not come from a file (tests, generated input); Redirect paths are relative to <paramref name="displayName"/>'s folder.</summary>
    public static DssScript ReadText(string text, string displayName)
    {
        var commands = ImmutableArray.CreateBuilder<DssCommand>();
        var diagnostics = new List<Diagnostic>();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        ReadInto(displayName, lines, ImmutableArray<SourceLocation>.Empty, [Path.GetFullPath(displayName)], commands, diagnostics);
        return new DssScript(displayName, commands.ToImmutable(), diagnostics.ToImmutableArray());
    }

    private static void ReadInto(
        string displayPath,
        string[] lines,
        ImmutableArray<SourceLocation> includedFrom,
        ImmutableList<string> openFiles,
        ImmutableArray<DssCommand>.Builder commands,
        List<Diagnostic> diagnostics)
    {
        var stripper = new DssCommentStripper();
        int blockStart = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            bool wasInBlock = stripper.InBlockComment;
            // Some published feeder files carry stray NUL bytes; OpenDSS reads them as blanks.
            string line = lines[i].Contains('\0') ? lines[i].Replace('\0', ' ') : lines[i];
            string text = stripper.Strip(line);
            if (!wasInBlock && stripper.InBlockComment)
                blockStart = i + 1;
            var command = DssLineLexer.Lex(text, displayPath, i + 1, includedFrom, diagnostics);
            if (command is null)
                continue;
            if (IsInclude(command.Verb))
                Include(displayPath, command, includedFrom, openFiles, commands, diagnostics);
            else
                commands.Add(command);
        }
        if (stripper.InBlockComment)
        {
            diagnostics.Add(Diagnostic.Error(new SourceLocation(displayPath, blockStart, 1), string.Empty,
                "'/*' comment is not closed before the end of the file; expected '*/'"));
        }
    }

    private static bool IsInclude(string verb) =>
        verb.Equals("redirect", StringComparison.OrdinalIgnoreCase) || verb.Equals("compile", StringComparison.OrdinalIgnoreCase);

    private static void Include(
        string displayPath,
        DssCommand command,
        ImmutableArray<SourceLocation> includedFrom,
        ImmutableList<string> openFiles,
        ImmutableArray<DssCommand>.Builder commands,
        List<Diagnostic> diagnostics)
    {
        if (command.Parameters.Length != 1)
        {
            diagnostics.Add(Diagnostic.Error(command.Location, string.Empty,
                $"{command.Verb} expects one file name, got {command.Parameters.Length} values" + command.IncludeSuffix));
            return;
        }
        string name = command.Parameters[0].Value.Text;
        string directory = Path.GetDirectoryName(displayPath) ?? string.Empty;
        string childDisplay = Path.Combine(directory, name);
        string full = Path.GetFullPath(childDisplay);
        if (!File.Exists(full))
        {
            diagnostics.Add(Diagnostic.Error(command.Parameters[0].NameLocation, string.Empty,
                $"{command.Verb}: file '{name}' not found (looked for {full})" + command.IncludeSuffix));
            return;
        }
        if (openFiles.Contains(full))
        {
            diagnostics.Add(Diagnostic.Error(command.Parameters[0].NameLocation, string.Empty,
                $"{command.Verb}: file '{name}' includes itself (directly or through other files)" + command.IncludeSuffix));
            return;
        }
        ReadInto(childDisplay, File.ReadAllLines(full), includedFrom.Add(command.Location), openFiles.Add(full), commands, diagnostics);
    }
}
