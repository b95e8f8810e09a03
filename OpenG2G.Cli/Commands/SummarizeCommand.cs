using System.ComponentModel;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Results;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g summarize RUN...</c>: one table row per run folder from its <c>summary.json</c>, as Markdown
/// (default) or CSV, and with <c>--plot</c> one voltage picture of them all. Exit 2 with one line per
/// folder that is not a readable run.
/// </summary>
public sealed class SummarizeCommand : Command<SummarizeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("Run folders (each holding a summary.json), in the order the rows should appear")]
        public string[] Runs { get; init; } = [];

        [CommandOption("--csv")]
        [Description("CSV with the summary's key names and full precision instead of a rounded Markdown table")]
        public bool Csv { get; init; }

        [CommandOption("--plot <PNG>")]
        [Description("Also draw each run's lowest and highest counted voltage over time into one PNG")]
        public string? Plot { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<SummaryRow> rows = SummaryTable.Read(settings.Runs);
            // The plot first: a run it cannot draw fails the command before any table is printed.
            if (settings.Plot is not null)
                ComparisonPlot.Write(settings.Plot, rows);
            if (settings.Csv)
                SummaryTable.WriteCsv(Console.Out, rows);
            else
                SummaryTable.WriteMarkdown(Console.Out, rows);
            return ExitCodes.Ok;
        }
        catch (InvalidInputException e)
        {
            return Report.Invalid(e);
        }
    }
}
