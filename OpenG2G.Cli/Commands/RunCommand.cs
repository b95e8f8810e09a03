using System.ComponentModel;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Results.Summary;
using OpenG2G.Scenarios.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g run SCENARIO</c>: run one scenario and write its run folder. Exit 0 on success, 2 for
/// invalid input (one line per problem on stderr), 1 when the simulation fails (message names the
/// simulated time and the component; partial results are kept), 130 when a signal interrupted it
/// (results so far are kept; the summary says <c>interrupted</c>).
/// </summary>
public sealed partial class RunCommand : Command<RunCommand.Settings>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML file")]
        public string Scenario { get; init; } = string.Empty;

        [CommandOption("--out <DIR>")]
        [Description("Run folder (default runs/<scenario name>)")]
        public string? Out { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed overriding the scenario's (a whole number from 0 to 2^64-1)")]
        public ulong? Seed { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a key, e.g. duration_s=60 or controllers[[0]].period_s=2 (repeatable)")]
        public string[] Set { get; init; } = [];

        [CommandOption("--no-plots")]
        [Description("Do not draw PNG plots")]
        public bool NoPlots { get; init; }

        [CommandOption("--quiet")]
        [Description("No header, no progress display and no summary table")]
        public bool Quiet { get; init; }

        [CommandOption("--max-output-gb <GB>")]
        [Description("Largest estimated output the run may write, in GB (default 10); a bigger run is refused before it starts")]
        public double? MaxOutputGb { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.MaxOutputGb is <= 0)
            return Report.BadValue("run", $"--max-output-gb: expected a size in GB > 0, got {settings.MaxOutputGb.Value.ToString(Inv)}");
        bool live = !settings.Quiet && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        string? outputDirectory = null;
        var request = new RunRequest
        {
            ScenarioPath = settings.Scenario,
            OutputDirectory = settings.Out,
            Seed = settings.Seed,
            Overrides = settings.Set,
            Plots = !settings.NoPlots,
            MaxOutputBytes = settings.MaxOutputGb is { } gb ? (long)Math.Min(gb * 1e9, long.MaxValue) : RunRequest.DefaultMaxOutputBytes,
            Cancellation = cancellationToken,
            Planned = plan =>
            {
                outputDirectory = plan.Directory;
                if (!settings.Quiet)
                    PrintHeader(plan);
            },
        };
        RunOutcome outcome;
        try
        {
            outcome = live ? RunWithProgress(request) : ScenarioRunner.Run(request);
        }
        catch (InvalidInputException e)
        {
            return Report.Invalid(e);
        }
        catch (SimulationException e)
        {
            return Report.Failed(e, outputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Report.Failed(e, outputDirectory);
        }
        if (outcome.Summary.Interrupted)
        {
            Console.Error.WriteLine(string.Create(Inv,
                $"interrupted at t = {outcome.Summary.SimulatedTimeS:0.###} s of {outcome.Summary.DurationS:0.###} s; results so far (summary marked interrupted): {outcome.OutputDirectory}"));
            return ExitCodes.Interrupted;
        }
        if (!settings.Quiet)
            PrintSummary(outcome);
        return ExitCodes.Ok;
    }

    private static void PrintHeader(RunPlan plan)
    {
        var d = plan.Built.Definition;
        string grid = d.Grid is null
            ? "no grid (datacenters only: no power flow, no voltages)"
            : $"grid {d.Grid.Registration.Type} every {Core.Time.TimeBase.Format(d.Grid.Period)} s";
        Console.Out.WriteLine(string.Create(Inv,
            $"{d.Name}: {Core.Time.TimeBase.Format(d.Duration)} s simulated, seed {plan.Seed}; {grid}; {d.Datacenters.Length} datacenter(s), {d.Controllers.Length} controller(s); run folder {plan.Directory}"));
        foreach (string line in plan.Outputs.Describe())
            Console.Out.WriteLine(line);
    }

    /// <summary>The headline fields of <see cref="SummaryFields.Run"/> with their key paths, then the seed and the folder.</summary>
    private static void PrintSummary(RunOutcome o)
    {
        RunSummary s = o.Summary;
        var table = new Table().AddColumn("summary.json key").AddColumn("shown as").AddColumn(new TableColumn("value").RightAligned());
        foreach (SummaryField<RunSummary> f in SummaryFields.Run)
        {
            if (f.Headline is { } h && f.Path != "run.status")
                table.AddRow(Markup.Escape(f.Path), Markup.Escape(h.Title), Markup.Escape(SummaryTable.Display(f.Get(s), h)));
        }
        table.AddRow("run.seed", "seed", s.Seed.ToString(Inv));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"results: {o.OutputDirectory}");
    }

    private static string F(double value, string format) => double.IsFinite(value) ? value.ToString(format, Inv) : "n/a";
}
