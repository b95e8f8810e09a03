namespace OpenG2G.Cli.Tests.CommandLine;

/// <summary><c>--version</c>, <c>help</c> and <c>help VERB</c> answer on stdout and exit 0.</summary>
public class HelpAndVersionTests
{
    [Fact]
    public void Version_prints_the_program_and_its_version()
    {
        CliProcess.Result r = CliProcess.Run("--version");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Matches(@"^openg2g 0\.1\.0(\+[0-9a-f]+)?\n$", r.Stdout.Replace("\r", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "help" }, "openg2g [OPTIONS] <COMMAND>")]
    [InlineData(new[] { "help", "run" }, "openg2g run <SCENARIO> [OPTIONS]")]
    [InlineData(new[] { "help", "traces" }, "openg2g traces [OPTIONS] <COMMAND>")]
    [InlineData(new[] { "help", "traces", "import" }, "openg2g traces import [OPTIONS]")]
    [InlineData(new[] { "help", "env" }, "openg2g env [OPTIONS] <COMMAND>")]
    [InlineData(new[] { "help", "env", "serve" }, "openg2g env serve <SCENARIO> [OPTIONS]")]
    [InlineData(new[] { "run", "--help" }, "openg2g run <SCENARIO> [OPTIONS]")]
    public void Help_of_a_verb_prints_its_usage(string[] args, string usage)
    {
        CliProcess.Result r = CliProcess.Run(args);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Contains("USAGE:\n    " + usage, r.Stdout.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--debug", "validate", "scenarios/ieee13/ofo.yaml")]
    [InlineData("validate", "scenarios/ieee13/ofo.yaml", "--debug")]
    public void Debug_is_accepted_before_or_after_the_verb(params string[] args)
    {
        CliProcess.Result r = CliProcess.Run(args);

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("scenarios/ieee13/ofo.yaml: valid", r.Stdout, StringComparison.Ordinal);
    }
}
