namespace OpenG2G.Cli.Tests;

/// <summary>A fact that needs a pseudo-terminal: Linux with util-linux <c>script</c>; skipped elsewhere.</summary>
public sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/script"))
            Skip = "needs a pseudo-terminal from util-linux script (/usr/bin/script), found on Linux";
    }
}
