using OpenG2G.Cli.Commands;
using OpenG2G.Datacenter.Traces;
using OpenG2G.Testing;

namespace OpenG2G.Cli.Tests;

public class TracesListTests
{
    private static string Traces => Path.Combine(SharedData.RepositoryRoot, "traces");

    [Fact]
    public void Lists_models_gpus_batch_sizes_and_provenance()
    {
        var output = new StringWriter();
        TracesListing.Write(output, TraceLibrary.Load(Traces), "traces", gpu: "H100", model: "Qwen3-235B-A22B", allPowerCaps: false);
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Trace library traces (4 datasets; provenance in its README.md)", lines[0]);
        Assert.Contains("  Qwen3-235B-A22B                    H100  8     gpqa           8,16,32,64,96,128,192,256,384,512  measured", lines);
        Assert.Contains(lines, l => l.StartsWith("  Qwen3-235B-A22B-Instruct-2507 ", StringComparison.Ordinal) && l.EndsWith("synthesised", StringComparison.Ordinal));
        Assert.Contains("  llm-training-synthetic  synthetic   60           600              0.928", lines);
    }

    [Fact]
    public void Lists_power_cap_responses_with_their_limits()
    {
        var output = new StringWriter();
        TracesListing.Write(output, TraceLibrary.Load(Traces), "traces", gpu: "A100", model: null, allPowerCaps: true);
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("Power-capped training (5 responses, measured)", lines);
        Assert.Contains(lines, l => l.StartsWith("  perseus/gpt3-xl/A100/b1024 ", StringComparison.Ordinal) && l.EndsWith("175,200,225,250,275,300", StringComparison.Ordinal));
    }

    [Fact]
    public void The_verb_reports_a_folder_that_is_not_a_library()
    {
        string dir = Path.Combine(Path.GetTempPath(), "openg2g-no-library-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            int code = Program.BuildApp().Run(new[] { "traces", "list", "--library", dir });
            Assert.Equal(ExitCodes.InvalidInput, code);
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Equal($"{Path.Combine(dir, "index.json")}: not a trace library: index.json is missing (build one with `openg2g traces import`)", error.ToString().Trim());
    }
}
