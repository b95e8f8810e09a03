namespace OpenG2G.Cli;

/// <summary>Process exit codes of <c>openg2g</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The simulation (or solve) failed; the message names the time and component.</summary>
    public const int Failure = 1;

    /// <summary>
    /// Invalid input: a malformed command line (one line saying what, then the verb's usage line), or
    /// input files and output paths that cannot be used (one line per problem with file:line:column), on stderr.
    /// </summary>
    public const int InvalidInput = 2;

    /// <summary>Stopped by SIGINT or SIGTERM (128 + 2, as shells report Ctrl-C); a run keeps its results so far.</summary>
    public const int Interrupted = 130;
}
