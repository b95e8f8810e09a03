namespace OpenG2G.Datacenter.Traces;

/// <summary>File names of a trace library folder (all in one folder, next to its <c>README.md</c>).</summary>
public static class TraceLibraryFiles
{
    public const string Index = "index.json";
    public const string InferencePoints = "inference_points.parquet";
    public const string Series = "series.parquet";
    public const string PowerSeries = "power_series.parquet";
    public const string Fits = "fits.parquet";
    public const string PowerCaps = "power_caps.parquet";
    public const string TrainingProfiles = "training_profiles.parquet";
    public const string Readme = "README.md";

    /// <summary>Every data file, in the order the index lists them.</summary>
    public static readonly IReadOnlyList<string> DataFiles =
        new[] { InferencePoints, Series, PowerSeries, Fits, PowerCaps, TrainingProfiles };
}
