namespace OpenG2G.Cli.CommandLine;

/// <summary>
/// One verb of <c>openg2g</c>: its name (<c>run</c>, or <c>import</c> under the <c>traces</c> branch), its
/// one-line description and its Spectre settings type, whose attributes give the options and arguments
/// the command-line check and the usage line are built from.
/// </summary>
internal sealed record Verb(string Name, string Description, Type Settings, string? Branch = null, string? Spelled = null)
{
    /// <summary>The words a user types: <c>run</c> or <c>traces import</c> (or <see cref="Spelled"/>: <c>sweep merge</c> for the verb <c>sweep-merge</c>).</summary>
    public string FullName => Spelled ?? (Branch is null ? Name : Branch + " " + Name);

    /// <summary>The verb's options and positional arguments, read from <see cref="Settings"/>.</summary>
    public VerbSyntax Syntax => VerbSyntax.Of(Settings);
}
