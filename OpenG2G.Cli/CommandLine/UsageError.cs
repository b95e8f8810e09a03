namespace OpenG2G.Cli.CommandLine;

/// <summary>
/// A command line that cannot run: what is wrong (one line) and the verb it was for (its usage line
/// follows the message), or null when the verb itself is unknown or missing.
/// </summary>
internal sealed record UsageError(string Message, Verb? Verb, string? Branch = null)
{
    /// <summary>The two lines printed on stderr: <c>openg2g VERB: message</c> and the usage line.</summary>
    public IReadOnlyList<string> Lines =>
    [
        $"openg2g{(Verb is not null ? " " + Verb.FullName : Branch is not null ? " " + Branch : string.Empty)}: {Message}",
        Usage.Line(Verb, Branch),
    ];
}
