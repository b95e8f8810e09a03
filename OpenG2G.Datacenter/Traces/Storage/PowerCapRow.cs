using System.Text.Json.Serialization;

namespace OpenG2G.Datacenter.Traces.Storage;

/// <summary>A row of <c>power_caps.parquet</c>: one workload at one power limit.</summary>
internal sealed class PowerCapRow
{
    [JsonPropertyName("response_id")] public string ResponseId { get; set; } = "";
    [JsonPropertyName("dataset")] public string Dataset { get; set; } = "";
    [JsonPropertyName("workload")] public string Workload { get; set; } = "";
    [JsonPropertyName("gpu")] public string Gpu { get; set; } = "";
    [JsonPropertyName("batch_size")] public int BatchSize { get; set; }
    [JsonPropertyName("num_gpus")] public int NumGpus { get; set; }
    [JsonPropertyName("unit")] public string Unit { get; set; } = "";
    [JsonPropertyName("power_limit_w")] public double PowerLimitW { get; set; }
    [JsonPropertyName("power_w_per_gpu")] public double PowerWPerGpu { get; set; }
    [JsonPropertyName("time_per_unit_s")] public double TimePerUnitS { get; set; }
    [JsonPropertyName("throughput_fraction")] public double ThroughputFraction { get; set; }
}
