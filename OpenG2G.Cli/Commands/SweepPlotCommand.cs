using System.ComponentModel;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Sweeps;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary><c>openg2g sweep plot DIR</c>: draw the plots the sweep file declares from DIR's results into DIR. Exit 0, or 2.</summary>
public sealed class SweepPlotCommand : Command<SweepPlotCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A sweep output folder (or a merged one)")]
        public string Folder { get; init; } = string.Empty;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            foreach (string png in SweepPlots.Write(settings.Folder))
                Console.WriteLine(png);
            return ExitCodes.Ok;
        }
        catch (InvalidInputException e)
        {
            return Report.Invalid(e);
        }
    }
}
