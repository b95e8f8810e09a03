using System.Diagnostics;

namespace OpenG2G.Cli.Tests.Python;

/// <summary>
/// The Python the package's tests run on: the first of <c>OPENG2G_PYTHON</c>, <c>python3</c> on PATH and
/// <c>/usr/bin/python3</c> (Debian's, where apt installs python3-numpy, python3-pytest and python3-torch) that
/// imports numpy, pytest and torch. With <c>CI=true</c> a missing one fails the test instead of skipping it.
/// </summary>
internal static class PythonPrerequisites
{
    private static readonly Lazy<(string? Python, string Reason)> Found = new(Find);

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Python => Found.Value.Python;

    public static string Reason => Found.Value.Reason;

    private static (string?, string) Find()
    {
        var tried = new List<string>();
        foreach (string? candidate in new[] { Environment.GetEnvironmentVariable("OPENG2G_PYTHON"), "python3", "/usr/bin/python3" })
        {
            if (string.IsNullOrEmpty(candidate))
                continue;
            string? problem = Check(candidate);
            if (problem is null)
                return (candidate, string.Empty);
            tried.Add($"{candidate}: {problem}");
        }
        return (null, "no Python with numpy, pytest and torch (apt-get install python3-numpy python3-pytest python3-torch; or set OPENG2G_PYTHON): " + string.Join("; ", tried));
    }

    private static string? Check(string python)
    {
        try
        {
            var start = new ProcessStartInfo(python, ["-c", "import numpy, pytest, torch"]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using Process p = Process.Start(start)!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : err.Trim().Split('\n')[^1];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
