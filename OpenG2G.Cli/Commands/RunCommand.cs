using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Time;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Results.Summary;
using OpenG2G.Scenarios.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g run SCENARIO</c>: run one scenario and write its run folder. Exit 0 on success, 2 for
/// invalid input (one line per problem on stderr), 1 when the simulation fails (message names the
/// simulated time and the component; partial results are kept).
/// </summary>
public sealed class RunCommand : Command<RunCommand.Settings>
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
        [Description("Seed overriding the scenario's")]
        public ulong? Seed { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a key, e.g. duration_s=60 or controllers[[0]].period_s=2 (repeatable)")]
        public string[] Set { get; init; } = [];

        [CommandOption("--no-plots")]
        [Description("Do not draw PNG plots")]
        public bool NoPlots { get; init; }

        [CommandOption("--quiet")]
        [Description("No progress display and no summary table")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        bool live = !settings.Quiet && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        string? outputDirectory = null;
        var request = new RunRequest
        {
            ScenarioPath = settings.Scenario,
            OutputDirectory = settings.Out,
            Seed = settings.Seed,
            Overrides = settings.Set,
            Plots = !settings.NoPlots,
            Cancellation = cancellationToken,
            Starting = (_, directory) => outputDirectory = directory,
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException or InvalidOperationException)
        {
            return Report.Failed(e, outputDirectory);
        }
        if (!settings.Quiet)
            PrintSummary(outcome);
        return ExitCodes.Ok;
    }

    private static RunOutcome RunWithProgress(RunRequest request)
    {
        RunOutcome? outcome = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("simulating");
                var wall = Stopwatch.StartNew();
                long lastUpdate = 0;
                outcome = ScenarioRunner.Run(request with
                {
                    Starting = (duration, directory) =>
                    {
                        request.Starting?.Invoke(duration, directory);
                        task.MaxValue = duration.TotalSeconds;
                        wall.Restart();
                    },
                    Progress = now =>
                    {
                        long ms = wall.ElapsedMilliseconds;
                        if (ms - lastUpdate < 100)
                            return;
                        lastUpdate = ms;
                        double speed = now.Seconds / Math.Max(wall.Elapsed.TotalSeconds, 1e-9);
                        task.Description = string.Create(Inv, $"t = {now.Seconds:F1} s ({speed:F0}x real time)");
                        task.Value = now.Seconds;
                    },
                });
                task.Value = task.MaxValue;
            });
        return outcome!;
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
