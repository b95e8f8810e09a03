using System.Diagnostics;

namespace OpenG2G.Cli.Tests.Python;

/// <summary>
/// The Python package's own tests (python/tests, pytest) against the openg2g built with these tests: the bridge
/// against the in-process environment bit for bit, the protocol's errors, and the PyTorch PPO example whose ONNX
/// export runs in <c>openg2g run</c>. Part of <c>dotnet test</c>, so the README's one test command runs them.
/// They keep both cores busy for most of a minute, so they run alone, after this assembly's parallel tests: under
/// that load the timing of the Ctrl-C terminal tests was seen to fail.
/// </summary>
[Collection(PythonCollection.Name)]
public class PythonPackageTests
{
    [PythonFact]
    public void The_python_package_tests_pass()
    {
        string python = PythonPrerequisites.Python ?? throw new InvalidOperationException(PythonPrerequisites.Reason);
        var start = new ProcessStartInfo(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "python/tests"])
        {
            WorkingDirectory = CliProcess.Repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OPENG2G_BIN"] = Path.Combine(AppContext.BaseDirectory, "openg2g.dll");
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("pytest python/tests did not finish in 10 minutes");
        }
        string output = stdout.Result + stderr.Result;
        Assert.True(p.ExitCode == 0, $"pytest python/tests exited {p.ExitCode}:\n{output}");
        Assert.DoesNotContain(" skipped", output, StringComparison.Ordinal);
    }
}
