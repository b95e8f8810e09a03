using System.ComponentModel;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Sweeps;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary><c>openg2g sweep merge DIR... --out OUT</c>: check shard folders form one complete sweep, merge them. Exit 0, or 2 listing what is wrong.</summary>
public sealed class SweepMergeCommand : Command<SweepMergeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Shard output folders of one sweep")]
        public string[] Shards { get; init; } = [];

        [CommandOption("--out <DIR>")]
        [Description("New folder for the merged result")]
        public string Out { get; init; } = string.Empty;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            if (settings.Out.Length == 0)
                throw new InvalidInputException(Diagnostic.Error(new SourceLocation("--out", 0, 0), string.Empty, "required: the folder to write the merged sweep to"));
            (int runs, int searches) = SweepMerge.Merge(settings.Shards, settings.Out);
            Console.WriteLine($"merged {settings.Shards.Length} shards: {runs} runs{(searches > 0 ? $", {searches} searches" : "")} in {Path.GetFullPath(settings.Out)}");
            return ExitCodes.Ok;
        }
        catch (InvalidInputException e)
        {
            return Report.Invalid(e);
        }
    }
}
