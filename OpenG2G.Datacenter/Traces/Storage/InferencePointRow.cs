using System.Text.Json.Serialization;

namespace OpenG2G.Datacenter.Traces.Storage;

/// <summary>A row of <c>inference_points.parquet</c>: one configuration at one batch size.</summary>
internal sealed class InferencePointRow
{
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("model_id")] public string ModelId { get; set; } = "";
    [JsonPropertyName("task")] public string Task { get; set; } = "";
    [JsonPropertyName("gpu")] public string Gpu { get; set; } = "";
    [JsonPropertyName("gpus_per_replica")] public int GpusPerReplica { get; set; }
    [JsonPropertyName("architecture")] public string Architecture { get; set; } = "";
    [JsonPropertyName("activated_params_billions")] public double ActivatedParamsBillions { get; set; }
    [JsonPropertyName("weight_precision")] public string WeightPrecision { get; set; } = "";
    [JsonPropertyName("source_dataset")] public string SourceDataset { get; set; } = "";
    [JsonPropertyName("batch_size")] public int BatchSize { get; set; }
    [JsonPropertyName("mean_power_w_per_replica")] public double MeanPowerWPerReplica { get; set; }
    [JsonPropertyName("throughput_tokens_per_s_per_replica")] public double ThroughputTokensPerS { get; set; }
    [JsonPropertyName("throughput_source")] public string ThroughputSource { get; set; } = "";
    [JsonPropertyName("itl_source")] public string ItlSource { get; set; } = "";
    [JsonPropertyName("itl_loc_s")] public double ItlLocS { get; set; }
    [JsonPropertyName("itl_pi_steady")] public double ItlPiSteady { get; set; }
    [JsonPropertyName("itl_sigma_steady")] public double ItlSigmaSteady { get; set; }
    [JsonPropertyName("itl_scale_steady_s")] public double ItlScaleSteadyS { get; set; }
    [JsonPropertyName("itl_sigma_stall")] public double ItlSigmaStall { get; set; }
    [JsonPropertyName("itl_scale_stall_s")] public double ItlScaleStallS { get; set; }
    [JsonPropertyName("itl_mean_s")] public double ItlMeanS { get; set; }
    [JsonPropertyName("measured_median_itl_s")] public double? MeasuredMedianItlS { get; set; }
    [JsonPropertyName("measured_p99_itl_s")] public double? MeasuredP99ItlS { get; set; }
    [JsonPropertyName("series_id")] public int SeriesId { get; set; }
    [JsonPropertyName("series_scale")] public double SeriesScale { get; set; }
    [JsonPropertyName("series_provenance")] public string SeriesProvenance { get; set; } = "";
    [JsonPropertyName("series_source")] public string SeriesSource { get; set; } = "";
}
