using System.ComponentModel;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Traces;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary><c>openg2g traces list</c>: what the trace library offers (models, GPUs, batch sizes, power limits, provenance).</summary>
public sealed class TracesListCommand : Command<TracesListCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--library <DIR>")]
        [Description("Trace library folder (default: OPENG2G_TRACES, else the nearest traces/ folder)")]
        public string? Library { get; init; }

        [CommandOption("--gpu <GPU>")]
        [Description("Only this GPU type (e.g. H100)")]
        public string? Gpu { get; init; }

        [CommandOption("--model <TEXT>")]
        [Description("Only labels containing this text (case-insensitive)")]
        public string? Model { get; init; }

        [CommandOption("--power-caps")]
        [Description("List every power-capped training response instead of a summary per GPU")]
        public bool PowerCaps { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string? directory = settings.Library ?? TraceLibraryLocator.Find();
        if (directory is null)
        {
            Console.Error.WriteLine("no trace library found: pass --library <DIR>, set OPENG2G_TRACES, or run inside a clone that has traces/");
            return ExitCodes.InvalidInput;
        }
        TraceLibrary library;
        try
        {
            library = TraceLibrary.Load(directory);
        }
        catch (InvalidInputException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.InvalidInput;
        }
        TracesListing.Write(Console.Out, library, directory, settings.Gpu, settings.Model, settings.PowerCaps);
        return ExitCodes.Ok;
    }
}
