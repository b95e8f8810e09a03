using System.Text.Json.Serialization;

namespace OpenG2G.Datacenter.Traces.Storage;

/// <summary>A row of <c>training_profiles.parquet</c>: one sample of a training profile segment.</summary>
internal sealed class TrainingSampleRow
{
    [JsonPropertyName("profile_id")] public string ProfileId { get; set; } = "";
    [JsonPropertyName("segment")] public string Segment { get; set; } = "";
    [JsonPropertyName("sample")] public int Sample { get; set; }
    [JsonPropertyName("power_fraction_of_peak")] public float PowerFractionOfPeak { get; set; }
}
