using System.ComponentModel;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Learning.Training;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g train FILE --out DIR</c>: train a PPO policy on the training file's scenario and write the
/// policy file, the training curve (Parquet, PNG), a checkpoint and the episodes table. Exit 0 when done,
/// 2 for invalid input (one line per problem), 1 when a simulation fails.
/// </summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Training file (YAML; format in docs/rl.md)")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--out <DIR>")]
        [Description("Output folder (default runs/train-<name>)")]
        public string? Out { get; init; }

        [CommandOption("--resume")]
        [Description("Continue from the output folder's checkpoint.bin")]
        public bool Resume { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Worker threads (default ppo.workers; results do not depend on it)")]
        public int? Workers { get; init; }

        [CommandOption("--quiet")]
        [Description("No progress lines")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            string name = Path.GetFileNameWithoutExtension(settings.File);
            TrainingOutcome outcome = TrainingRun.Run(new TrainingRequest
            {
                TrainingFile = settings.File,
                OutputDirectory = settings.Out ?? Path.Combine("runs", "train-" + name),
                Resume = settings.Resume,
                Workers = settings.Workers,
                Progress = settings.Quiet ? null : Console.WriteLine,
                Cancellation = cancellationToken,
            });
            Console.WriteLine($"trained {outcome.Iterations} iterations, {outcome.Steps} environment steps: {Path.Combine(outcome.OutputDirectory, TrainingRun.PolicyFileName)}");
            return ExitCodes.Ok;
        }
        catch (InvalidInputException e)
        {
            return Report.Invalid(e);
        }
        catch (SimulationException e)
        {
            return Report.Failed(e, settings.Out);
        }
    }
}
