using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Scenarios.Running;

/// <summary>The run folder and the output size limit: problems with either are invalid input, found before the run.</summary>
public static partial class ScenarioRunner
{
    private static void CheckOutputSize(ScenarioDefinition d, OutputEstimate estimate, long limitBytes)
    {
        if (estimate.TotalBytes <= limitBytes)
            return;
        TableEstimate biggest = estimate.Tables.MaxBy(t => t.Bytes)!;
        double neededGb = Math.Ceiling(estimate.TotalBytes / 1e9);
        string hint = biggest.File == BusVoltageWriter.FileName ? ", set outputs.bus_voltages: false" : string.Empty;
        throw new InvalidInputException(Diagnostic.Error(d.Locations.Find("duration_s"), "duration_s",
            string.Create(CultureInfo.InvariantCulture,
                $"the run would write about {OutputEstimate.Bytes(estimate.TotalBytes)} ({biggest.File} about {OutputEstimate.Bytes(biggest.Bytes)}), more than the limit of {OutputEstimate.Bytes(limitBytes)}; " +
                $"shorten duration_s{hint}, or allow it with --max-output-gb {neededGb}")));
    }

    /// <summary>Create the run folder, clear what an earlier run wrote there, open the log and write the resolved scenario.</summary>
    private static RunLog OpenRunFolder(string directory, ScenarioDefinition d, ulong seed)
    {
        RunLog? log = null;
        try
        {
            PrepareDirectory(directory);
            log = new RunLog(directory);
            log.Write($"openg2g {Version}: scenario {d.FilePath} (name {d.Name}), seed {seed}, duration {d.Header.DurationS.ToString(CultureInfo.InvariantCulture)} s");
            File.WriteAllText(Path.Combine(directory, ResolvedScenarioWriter.FileName), ResolvedScenarioWriter.ToYaml(d, seed, d.Datacenters.IsEmpty ? string.Empty : TraceLibraryOf(d)));
            return log;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log?.Dispose();
            throw new InvalidInputException(Diagnostic.Error(SourceLocation.None, string.Empty,
                $"run folder {directory}: cannot write there ({e.Message}); choose another with --out"));
        }
    }

    private static string TraceLibraryOf(ScenarioDefinition d) =>
        d.Header.TraceLibrary is { } own
            ? Path.GetFullPath(Path.Combine(d.BaseDirectory, own))
            : Datacenter.Traces.TraceLibraryLocator.Find() ?? string.Empty;

    /// <summary>Create the folder and remove what an earlier run wrote there, so no stale file is mistaken for this run's.</summary>
    private static void PrepareDirectory(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (string f in Directory.GetFiles(directory))
        {
            string name = Path.GetFileName(f);
            if (name.EndsWith(".parquet", StringComparison.Ordinal) || name.EndsWith(".parquet" + ParquetTable.PartialSuffix, StringComparison.Ordinal)
                || name.EndsWith(".png", StringComparison.Ordinal)
                || name is SummaryWriter.FileName or ResolvedScenarioWriter.FileName or RunLog.FileName)
                File.Delete(f);
        }
    }
}
