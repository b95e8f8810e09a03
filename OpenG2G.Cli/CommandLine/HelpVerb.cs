namespace OpenG2G.Cli.CommandLine;

/// <summary><c>openg2g help [VERB...]</c> is <c>openg2g [VERB...] --help</c>.</summary>
internal static class HelpVerb
{
    public static IReadOnlyList<string> Rewrite(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0] == "help" ? [.. args.Skip(1), "--help"] : args;
}
