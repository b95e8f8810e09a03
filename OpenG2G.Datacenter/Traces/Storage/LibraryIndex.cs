using System.Text.Json.Serialization;

namespace OpenG2G.Datacenter.Traces.Storage;

/// <summary>Contents of <c>index.json</c>: format version, provenance, GPU facts and training profile notes.</summary>
internal sealed class LibraryIndex
{
    public const int CurrentFormatVersion = 1;

    [JsonPropertyName("format_version")] public int FormatVersion { get; set; }
    [JsonPropertyName("generated_by")] public string GeneratedBy { get; set; } = "";
    [JsonPropertyName("files")] public List<string> Files { get; set; } = new();
    [JsonPropertyName("datasets")] public List<DatasetEntry> Datasets { get; set; } = new();
    [JsonPropertyName("gpus")] public List<GpuEntry> Gpus { get; set; } = new();
    [JsonPropertyName("training_profiles")] public List<TrainingProfileEntry> TrainingProfiles { get; set; } = new();

    internal sealed class DatasetEntry
    {
        [JsonPropertyName("id")] public string Id { get; set; } = "";
        [JsonPropertyName("repository")] public string Repository { get; set; } = "";
        [JsonPropertyName("commit")] public string Commit { get; set; } = "";
        [JsonPropertyName("licence")] public string Licence { get; set; } = "";
        [JsonPropertyName("derived")] public string Derived { get; set; } = "";
    }

    internal sealed class GpuEntry
    {
        [JsonPropertyName("name")] public string Name { get; set; } = "";
        [JsonPropertyName("max_power_w")] public double MaxPowerW { get; set; }
        [JsonPropertyName("idle_power_w")] public double IdlePowerW { get; set; }
        [JsonPropertyName("idle_source")] public string IdleSource { get; set; } = "";
    }

    internal sealed class TrainingProfileEntry
    {
        [JsonPropertyName("id")] public string Id { get; set; } = "";
        [JsonPropertyName("sample_period_s")] public double SamplePeriodS { get; set; }
        [JsonPropertyName("provenance")] public string Provenance { get; set; } = "";
        [JsonPropertyName("description")] public string Description { get; set; } = "";
    }
}
