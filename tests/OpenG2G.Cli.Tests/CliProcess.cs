using System.Diagnostics;
using OpenG2G.Testing;

namespace OpenG2G.Cli.Tests;

/// <summary>Runs the real <c>openg2g</c> executable (next to the tests) in its own process, output redirected.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public List<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }

    public static Result Run(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "openg2g.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = SharedData.RepositoryRoot,
        };
        start.ArgumentList.Add(dll);
        foreach (string a in args)
            start.ArgumentList.Add(a);
        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("openg2g " + string.Join(' ', args) + " did not finish in 3 minutes");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Repo => SharedData.RepositoryRoot;

    public static string SamplePlugin => Path.Combine(Repo, "samples", "CustomController", "bin", Configuration, "net10.0", "CustomController.dll");

    private static string Configuration =>
        typeof(CliProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    public static string TempDirectory(string purpose)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"openg2g-cli-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
