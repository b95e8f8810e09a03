using System.ComponentModel;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Import;
using OpenG2G.Datacenter.Traces;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g traces import --from DIR [--out traces]</c>: rebuild the trace library from a folder of
/// measured datasets. <c>--from</c> has no default: a clone of the repository ships the library, not the data.
/// </summary>
public sealed class TracesImportCommand : Command<TracesImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--from <DIR>", isRequired: true)]
        [Description("Folder of measured datasets, each with a SOURCE.md (the project's are in its shared material, e.g. ../shared/data)")]
        public string From { get; init; } = string.Empty;

        [CommandOption("--out <DIR>")]
        [Description("Library folder to write (created if missing; files are overwritten)")]
        public string Out { get; init; } = "traces";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.From))
        {
            Console.Error.WriteLine($"{settings.From}: data folder not found (expected the measured datasets, e.g. ../shared/data)");
            return ExitCodes.InvalidInput;
        }
        TraceLibrary library;
        try
        {
            library = TraceImporter.Import(settings.From, settings.Out);
        }
        catch (InvalidInputException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.InvalidInput;
        }
        long bytes = Directory.EnumerateFiles(settings.Out).Sum(f => new FileInfo(f).Length);
        int synthesised = library.Inference.Count(c => c.SeriesProvenance != Provenance.Measured);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {settings.Out}: {library.Inference.Length} inference configurations ({library.Inference.Length - synthesised} measured, {synthesised} synthesised series), " +
            $"{library.Series.Count} power series, {library.PowerCaps.Length} power-cap responses, {library.TrainingProfiles.Length} training profile; {bytes / 1024.0 / 1024.0:F2} MiB"));
        return ExitCodes.Ok;
    }
}
