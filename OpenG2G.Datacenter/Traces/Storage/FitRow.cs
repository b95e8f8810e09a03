using System.Text.Json.Serialization;

namespace OpenG2G.Datacenter.Traces.Storage;

/// <summary>A row of <c>fits.parquet</c>: one metric's curve against log2(batch size) for one configuration.</summary>
internal sealed class FitRow
{
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("gpu")] public string Gpu { get; set; } = "";
    [JsonPropertyName("gpus_per_replica")] public int GpusPerReplica { get; set; }
    [JsonPropertyName("task")] public string Task { get; set; } = "";
    [JsonPropertyName("metric")] public string Metric { get; set; } = "";
    [JsonPropertyName("unit")] public string Unit { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("l")] public double? L { get; set; }
    [JsonPropertyName("x0")] public double? X0 { get; set; }
    [JsonPropertyName("k")] public double? K { get; set; }
    [JsonPropertyName("b0")] public double? B0 { get; set; }
    [JsonPropertyName("points")] public int Points { get; set; }
    [JsonPropertyName("rms_relative_error")] public double RmsRelativeError { get; set; }
    [JsonPropertyName("max_relative_error")] public double MaxRelativeError { get; set; }
}
