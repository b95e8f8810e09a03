namespace OpenG2G.Cli;

/// <summary>Process exit codes of <c>openg2g</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The simulation (or solve) failed; the message names the time and component.</summary>
    public const int Failure = 1;

    /// <summary>Invalid input: diagnostics, one per line with file:line:column, on stderr.</summary>
    public const int InvalidInput = 2;
}
