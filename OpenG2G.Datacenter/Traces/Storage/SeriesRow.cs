using System.Text.Json.Serialization;

namespace OpenG2G.Datacenter.Traces.Storage;

/// <summary>A row of <c>series.parquet</c>: what one power series is.</summary>
internal sealed class SeriesRow
{
    [JsonPropertyName("series_id")] public int SeriesId { get; set; }
    [JsonPropertyName("sample_period_s")] public double SamplePeriodS { get; set; }
    [JsonPropertyName("samples")] public int Samples { get; set; }
    [JsonPropertyName("mean_power_w_per_gpu")] public double MeanPowerWPerGpu { get; set; }
    [JsonPropertyName("provenance")] public string Provenance { get; set; } = "";
    [JsonPropertyName("source")] public string Source { get; set; } = "";
}
