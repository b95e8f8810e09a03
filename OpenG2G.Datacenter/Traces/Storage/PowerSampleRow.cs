using System.Text.Json.Serialization;

namespace OpenG2G.Datacenter.Traces.Storage;

/// <summary>A row of <c>power_series.parquet</c> (long format): one sample of one series.</summary>
internal sealed class PowerSampleRow
{
    [JsonPropertyName("series_id")] public int SeriesId { get; set; }
    [JsonPropertyName("sample")] public int Sample { get; set; }
    [JsonPropertyName("power_w_per_gpu")] public float PowerWPerGpu { get; set; }
}
