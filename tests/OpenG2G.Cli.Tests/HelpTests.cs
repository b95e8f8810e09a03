namespace OpenG2G.Cli.Tests;

/// <summary>Every verb's help renders: option texts go through console markup, where a stray '[' throws.</summary>
public class HelpTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("schema")]
    [InlineData("summarize")]
    [InlineData("powerflow")]
    [InlineData("env", "serve")]
    [InlineData("env", "play")]
    [InlineData("train")]
    [InlineData("evaluate")]
    [InlineData("sweep")]
    [InlineData("traces", "import")]
    [InlineData("traces", "list")]
    public void Help_of_every_verb_renders_and_exits_zero(params string[] verb)
    {
        var result = CliProcess.Run([.. verb, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("USAGE:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_help_shows_the_override_example_with_its_index()
    {
        var result = CliProcess.Run("run", "--help");

        Assert.Contains("controllers[0].period_s=2", result.Stdout, StringComparison.Ordinal);
    }
}
