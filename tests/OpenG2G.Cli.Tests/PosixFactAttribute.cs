namespace OpenG2G.Cli.Tests;

/// <summary>A fact that sends POSIX signals: skipped on Windows, which has no SIGINT to send to another process.</summary>
public sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "sends SIGINT with kill(2), which Windows does not have";
    }
}
