using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpenG2G.Cli.Tests;

/// <summary>
/// POSIX signals for the interruption tests. A process started in the background by a non-interactive
/// shell ignores SIGINT, and children inherit that; the test resets it to the default only while it
/// starts <c>openg2g</c>, so the child sees Ctrl-C as a terminal user's program would.
/// </summary>
internal static partial class Signals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;
    private static readonly Lock StartLock = new();

    public static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public static Process StartWithDefaultInterrupt(ProcessStartInfo start)
    {
        if (!IgnoresInterrupt())
            return Process.Start(start)!;
        lock (StartLock)
        {
            signal(SigInt, 0); // SIG_DFL
            try
            {
                return Process.Start(start)!;
            }
            finally
            {
                signal(SigInt, 1); // SIG_IGN again, as this process was started
            }
        }
    }

    /// <summary>True on Linux when this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status).</summary>
    private static bool IgnoresInterrupt()
    {
        if (!OperatingSystem.IsLinux())
            return false;
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line[7..].Trim(), 16) & (1UL << (SigInt - 1))) != 0;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    private static partial nint signal(int sig, nint handler);
}
