using System.ComponentModel;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g sweep SWEEP.yaml --out DIR</c>: expand a sweep file, check every run, and run them on every core into
/// DIR (one Parquet row per run under DIR/summary/). Exit 0 when every run was recorded (failed runs included, with
/// their errors), 2 for invalid input, 1 when the sweep itself could not go on.
/// </summary>
public sealed class SweepCommand : Command<SweepCommand.Settings>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SWEEP>")]
        [Description("Sweep YAML file")]
        public string Sweep { get; init; } = string.Empty;

        [CommandOption("--out <DIR>")]
        [Description("Output folder (default sweeps/<sweep name>)")]
        public string? Out { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Runs at once (default: every core)")]
        public int? Workers { get; init; }

        [CommandOption("--shard <K/N>")]
        [Description("Run only shard K of N (work item i belongs to shard i mod N); auto/N reads the Slurm array or Kubernetes index")]
        public string? Shard { get; init; }

        [CommandOption("--resume")]
        [Description("Continue the sweep in --out: redo only the runs without a row")]
        public bool Resume { get; init; }

        [CommandOption("--keep <WHAT>")]
        [Description("summary (one row per run) or timeseries (also every run's Parquet files, partitioned by run_id)")]
        public string? Keep { get; init; }

        [CommandOption("--dry-run")]
        [Description("List the runs with their parameters and stop")]
        public bool DryRun { get; init; }

        [CommandOption("--quiet")]
        [Description("No progress display")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            SweepPlan plan = SweepLoader.Load(settings.Sweep);
            if (settings.DryRun)
            {
                SweepListing.Write(Console.Out, plan);
                return ExitCodes.Ok;
            }
            var options = new SweepRunner.Options
            {
                OutputDirectory = settings.Out ?? Path.Combine("sweeps", plan.Name),
                Workers = settings.Workers ?? Environment.ProcessorCount,
                Shard = settings.Shard is null ? SweepShard.Whole : SweepShard.Parse(settings.Shard, Environment.GetEnvironmentVariable),
                Resume = settings.Resume,
                Keep = ParseKeep(settings.Keep),
                Cancellation = cancellationToken,
            };
            bool live = !settings.Quiet && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            SweepOutcome outcome = live ? RunWithProgress(plan, options) : SweepRunner.Run(plan, options with { Progress = settings.Quiet ? null : Line });
            Console.WriteLine(string.Create(Inv,
                $"{outcome.Done} runs in {outcome.WallTimeS:F1} s ({outcome.Failed} failed, {outcome.Skipped} done before){(plan.Search is null ? "" : $", {outcome.SearchesFinished} searches finished")}; results: {Path.Combine(outcome.Directory, SweepTable.SummaryFolder)}"));
            return outcome.Cancelled ? 130 : ExitCodes.Ok;
        }
        catch (InvalidInputException e)
        {
            return Report.Invalid(e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Report.Failed(e, settings.Out);
        }
    }

    private static SweepKeep? ParseKeep(string? text) => text switch
    {
        null => null,
        "summary" => SweepKeep.Summary,
        "timeseries" => SweepKeep.Timeseries,
        _ => throw new InvalidInputException(Diagnostic.Error(new SourceLocation("--keep " + text, 0, 0), string.Empty, "expected summary or timeseries")),
    };

    /// <summary>One line per finished run when the output is not a terminal (logs of cluster jobs).</summary>
    private static void Line(SweepProgress p) =>
        Console.Error.WriteLine(string.Create(Inv, $"{p.Done + p.Skipped}/{p.Total} runs ({p.Failed} failed), {p.RunsPerS:F2} runs/s, ETA {Eta(p)}"));

    private static string Eta(SweepProgress p) => double.IsFinite(p.EtaS) ? TimeSpan.FromSeconds(Math.Round(p.EtaS)).ToString("c", Inv) : "-";

    private static SweepOutcome RunWithProgress(SweepPlan plan, SweepRunner.Options options)
    {
        SweepOutcome? outcome = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask($"sweep {Markup.Escape(plan.Name)}");
                outcome = SweepRunner.Run(plan, options with
                {
                    Progress = p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done + p.Skipped;
                        task.Description = Markup.Escape(string.Create(Inv, $"{p.Done + p.Skipped}/{p.Total} runs, {p.Failed} failed, {p.RunsPerS:F2} runs/s, ETA {Eta(p)}"));
                    },
                });
                task.Value = task.MaxValue;
            });
        return outcome!;
    }
}
