using System.ComponentModel;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Learning.Evaluation;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g evaluate FILE --out DIR</c>: run every case of an evaluation file on its held-out randomised
/// scenarios; writes <c>heldout.parquet</c> (and the same as <c>heldout.csv</c>) and <c>heldout.png</c>
/// and prints each case's means.
/// </summary>
public sealed class EvaluateCommand : Command<EvaluateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Evaluation file (YAML; format in docs/rl.md)")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--out <DIR>")]
        [Description("Output folder (default runs/eval-<name>)")]
        public string? Out { get; init; }

        [CommandOption("--quiet")]
        [Description("No progress lines")]
        public bool Quiet { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var rows = HeldOutEvaluation.Run(settings.File, settings.Quiet ? null : Console.WriteLine);
            string dir = Path.GetFullPath(settings.Out ?? Path.Combine("runs", "eval-" + Path.GetFileNameWithoutExtension(settings.File)));
            Directory.CreateDirectory(dir);
            HeldOutWriter.WriteParquet(Path.Combine(dir, HeldOutWriter.ParquetName), rows);
            HeldOutWriter.WritePng(Path.Combine(dir, HeldOutWriter.PngName), rows);
            HeldOutWriter.WriteCsv(Path.Combine(dir, HeldOutWriter.CsvName), rows);
            HeldOutWriter.WriteMarkdown(Console.Out, rows);
            Console.WriteLine($"wrote {Path.Combine(dir, HeldOutWriter.ParquetName)} and {HeldOutWriter.PngName}");
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
