using System.ComponentModel;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g validate FILE</c>: load the scenario and build its components without running it. Exit 0
/// when valid, printing what a run would write (grid solves, rows and bytes per table); exit 2 with one
/// line per problem (<c>file:line:column: path: message</c>) on stderr.
/// </summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Scenario YAML file")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a key before validating, e.g. duration_s=60 or controllers[[0]].period_s=2 (repeatable)")]
        public string[] Set { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var built = ScenarioRunner.Prepare(settings.File, settings.Set);
            var d = built.Definition;
            Console.WriteLine($"{settings.File}: valid ({d.Datacenters.Length} datacenter(s), {(d.Grid is null ? "no grid" : "grid " + d.Grid.Registration.Type)}, {d.Controllers.Length} controller(s))");
            OutputEstimate estimate = OutputEstimate.Of(built);
            foreach (string line in estimate.Describe())
                Console.WriteLine(line);
            if (estimate.TotalBytes > RunRequest.DefaultMaxOutputBytes)
                Console.WriteLine($"more than a run writes by default ({OutputEstimate.Bytes(RunRequest.DefaultMaxOutputBytes)}): openg2g run needs --max-output-gb {Math.Ceiling(estimate.TotalBytes / 1e9).ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            return ExitCodes.Ok;
        }
        catch (InvalidInputException e)
        {
            return Report.Invalid(e);
        }
    }
}
