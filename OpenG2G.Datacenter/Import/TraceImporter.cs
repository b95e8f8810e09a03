using OpenG2G.Datacenter.Traces;
using OpenG2G.Datacenter.Traces.Storage;

namespace OpenG2G.Datacenter.Import;

/// <summary>
/// Builds the project's trace library from the measured data folder (<c>../shared/data</c>) and
/// writes it (Parquet tables, <c>index.json</c>, <c>README.md</c>). Deterministic: the same input
/// files give byte-identical output, so re-running it is idempotent.
/// </summary>
public static class TraceImporter
{
    /// <summary>Written into <c>index.json</c>.</summary>
    public const string GeneratedBy = "openg2g traces import";

    /// <summary>
    /// Read the datasets under <paramref name="dataDirectory"/>. Throws
    /// <see cref="OpenG2G.Core.Diagnostics.InvalidInputException"/> naming file:line:column for malformed input.
    /// </summary>
    public static TraceLibrary Build(string dataDirectory)
    {
        var traces = OpenG2GTraceSet.Read(Path.Combine(dataDirectory, OpenG2GTraceSet.DatasetId));
        var leaderboard = LeaderboardSet.Read(Path.Combine(dataDirectory, LeaderboardSet.DatasetId));
        var (configs, series) = InferenceBuilder.Build(traces, leaderboard);
        var powerCaps = PowerCapSet.Read(
            Path.Combine(dataDirectory, PowerCapSet.ZeusDatasetId),
            Path.Combine(dataDirectory, PowerCapSet.PerseusDatasetId));
        var training = TrainingProfileGenerator.Generate(PowerCapSet.Uncapped(powerCaps, "gpt3-xl", "A100"));
        return new TraceLibrary(configs, series, powerCaps, new[] { training }, GpuCatalog.Build(powerCaps), DatasetCatalog.All);
    }

    /// <summary>Build from <paramref name="dataDirectory"/> and write to <paramref name="outputDirectory"/>; returns the library.</summary>
    public static TraceLibrary Import(string dataDirectory, string outputDirectory)
    {
        var library = Build(dataDirectory);
        TraceLibraryWriter.Write(library, outputDirectory, GeneratedBy);
        var published = OpenG2GTraceSet.ReadPublishedFits(Path.Combine(dataDirectory, OpenG2GTraceSet.DatasetId));
        File.WriteAllText(Path.Combine(outputDirectory, TraceLibraryFiles.Readme), LibraryReadme.Render(library, published, outputDirectory));
        return library;
    }
}
