using System.Globalization;
using Xunit.Abstractions;

namespace OpenG2G.Cli.Tests.Cluster;

/// <summary>Stops one daemon by pid: SIGTERM, up to 15 s to exit, then SIGKILL. Only if /proc says the pid is still that program.</summary>
public static class DaemonProcess
{
    public static void Stop(string name, int pid, ITestOutputHelper output)
    {
        if (!IsRunning(name, pid))
        {
            output.WriteLine($"{name} (pid {pid}) had already exited");
            return;
        }
        Signal("TERM", pid);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline && IsRunning(name, pid))
            Thread.Sleep(100);
        if (IsRunning(name, pid))
        {
            Signal("KILL", pid);
            output.WriteLine($"{name} (pid {pid}) ignored SIGTERM for 15 s; killed");
            return;
        }
        output.WriteLine($"{name} (pid {pid}) stopped");
    }

    /// <summary>Whether <paramref name="pid"/> is a live (not zombie) process named <paramref name="name"/>.</summary>
    public static bool IsRunning(string name, int pid)
    {
        string proc = "/proc/" + pid.ToString(CultureInfo.InvariantCulture);
        try
        {
            if (File.ReadAllText(Path.Combine(proc, "comm")).Trim() != name)
                return false;
            // stat: "pid (comm) S ...": the state letter follows the closing parenthesis.
            string stat = File.ReadAllText(Path.Combine(proc, "stat"));
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The shell's built-in kill: a minimal Debian has no /usr/bin/kill without procps.</summary>
    private static void Signal(string signal, int pid) =>
        ExternalProcess.Run("/bin/sh", ["-c", $"kill -{signal} {pid.ToString(CultureInfo.InvariantCulture)}"], new Dictionary<string, string>(), TimeSpan.FromSeconds(10));
}
