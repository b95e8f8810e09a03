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
        using Running p = Start(args);
        return p.WaitForExit(TimeSpan.FromMinutes(3));
    }

    /// <summary>Start <c>openg2g</c> without waiting; SIGINT reaches it even when this test process ignores it.</summary>
    public static Running Start(params string[] args)
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
        return new Running(Signals.StartWithDefaultInterrupt(start), args);
    }

    /// <summary>A started <c>openg2g</c> process, its output read as it comes.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly string[] _args;
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;

        internal Running(Process process, string[] args)
        {
            _process = process;
            _args = args;
            _stdout = process.StandardOutput.ReadToEndAsync();
            _stderr = process.StandardError.ReadToEndAsync();
        }

        public int Id => _process.Id;

        public bool HasExited => _process.HasExited;

        public Result WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout))
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"openg2g {string.Join(' ', _args)} did not finish in {timeout}");
            }
            return new Result(_process.ExitCode, _stdout.Result, _stderr.Result);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }

    public static string Repo => SharedData.RepositoryRoot;

    public static string SamplePlugin => Path.Combine(Repo, "samples", "CustomController", "bin", Configuration, "net10.0", "CustomController.dll");

    private static string Configuration =>
        typeof(CliProcess).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    /// <summary>A fresh folder under the temp directory, deleted with everything in it on dispose.</summary>
    public static TempFolder TempFolder(string purpose) => new(purpose);
}

/// <summary>A temporary folder owned by one test: <c>using var temp = CliProcess.TempFolder("x");</c>.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"openg2g-cli-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
