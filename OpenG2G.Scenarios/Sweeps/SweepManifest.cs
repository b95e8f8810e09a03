using System.Text.Json;
using System.Text.Json.Serialization;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// <c>sweep.json</c> in a sweep's output folder: which sweep (its file and fingerprint), which shard, how many work
/// items the whole sweep has. Resuming and merging check it, so a folder never mixes two sweeps.
/// </summary>
public sealed record SweepManifest
{
    public const string FileName = "sweep.json";
    public const string CurrentFormat = "openg2g-sweep/1";

    [JsonPropertyName("format")] public string Format { get; init; } = CurrentFormat;

    [JsonPropertyName("name")] public string Name { get; init; } = "";

    [JsonPropertyName("sweep_file")] public string SweepFile { get; init; } = "";

    /// <summary>SHA-256 of the sweep file and its base scenario files.</summary>
    [JsonPropertyName("fingerprint")] public string Fingerprint { get; init; } = "";

    [JsonPropertyName("shard_index")] public int ShardIndex { get; init; }

    [JsonPropertyName("shard_count")] public int ShardCount { get; init; } = 1;

    /// <summary>Grid runs, or searches, of the whole sweep (all shards).</summary>
    [JsonPropertyName("work_items")] public int WorkItems { get; init; }

    [JsonPropertyName("kind")] public string Kind { get; init; } = "runs";

    [JsonPropertyName("keep")] public string Keep { get; init; } = "summary";

    [JsonPropertyName("version")] public string Version { get; init; } = "";

    /// <summary>True for the output of <c>openg2g sweep merge</c> (complete; not resumable).</summary>
    [JsonPropertyName("merged")] public bool Merged { get; init; }

    public static SweepManifest For(SweepPlan plan, SweepShard shard, SweepKeep keep) => new()
    {
        Name = plan.Name,
        SweepFile = plan.FilePath,
        Fingerprint = plan.Fingerprint,
        ShardIndex = shard.Index,
        ShardCount = shard.Count,
        WorkItems = plan.WorkItems,
        Kind = plan.Search is null ? "runs" : "searches",
        Keep = keep == SweepKeep.Timeseries ? "timeseries" : "summary",
        Version = Running.ScenarioRunner.Version,
    };

    public void Write(string directory) =>
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }) + "\n");

    /// <summary>The manifest of <paramref name="directory"/>, or null when it has none; throws <see cref="InvalidInputException"/> for an unreadable one.</summary>
    public static SweepManifest? Read(string directory)
    {
        string file = Path.Combine(directory, FileName);
        if (!File.Exists(file))
            return null;
        try
        {
            SweepManifest? m = JsonSerializer.Deserialize<SweepManifest>(File.ReadAllText(file));
            if (m is null || m.Format != CurrentFormat)
                throw new JsonException($"format '{m?.Format}', expected '{CurrentFormat}'");
            return m;
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(file, 0, 0), string.Empty, "not a sweep manifest: " + e.Message));
        }
    }
}
