using System.Collections.Immutable;
using System.Globalization;

namespace OpenG2G.Datacenter.Traces;

/// <summary>
/// The project's trace library (<c>traces/</c>): measured inference configurations with their power
/// series and fits, power-capped training responses, training power profiles, GPU facts and the
/// provenance of every upstream dataset. Immutable; load it with <see cref="Load"/> (cached per
/// folder) and build one with the importer.
/// </summary>
public sealed partial class TraceLibrary
{
    private readonly Dictionary<int, PowerSeries> _series;

    public TraceLibrary(
        IEnumerable<InferenceConfig> inference,
        IEnumerable<PowerSeries> series,
        IEnumerable<PowerCapResponse> powerCaps,
        IEnumerable<TrainingProfile> trainingProfiles,
        IEnumerable<GpuInfo> gpus,
        IEnumerable<DatasetProvenance> datasets)
    {
        Inference = inference.OrderBy(c => c.Key.Label, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Gpu, StringComparer.Ordinal)
            .ThenBy(c => c.Key.GpusPerReplica)
            .ThenBy(c => c.Key.Task, StringComparer.Ordinal)
            .ToImmutableArray();
        _series = series.ToDictionary(s => s.Id);
        PowerCaps = powerCaps.OrderBy(p => p.Id, StringComparer.Ordinal).ToImmutableArray();
        TrainingProfiles = trainingProfiles.OrderBy(p => p.Id, StringComparer.Ordinal).ToImmutableArray();
        Gpus = gpus.OrderBy(g => g.Name, StringComparer.Ordinal).ToImmutableArray();
        Datasets = datasets.ToImmutableArray();
        foreach (var config in Inference)
        {
            foreach (var p in config.Points)
            {
                if (!_series.ContainsKey(p.SeriesId))
                    throw new ArgumentException($"{config.Key} batch {p.BatchSize} refers to power series {p.SeriesId}, which the library does not have");
            }
        }
    }

    /// <summary>Inference configurations sorted by label, GPU, GPUs per replica and task.</summary>
    public ImmutableArray<InferenceConfig> Inference { get; }

    /// <summary>Power series by id (per-GPU watts).</summary>
    public IReadOnlyDictionary<int, PowerSeries> Series => _series;

    /// <summary>Power-capped training responses sorted by id.</summary>
    public ImmutableArray<PowerCapResponse> PowerCaps { get; }

    public ImmutableArray<TrainingProfile> TrainingProfiles { get; }

    public ImmutableArray<GpuInfo> Gpus { get; }

    /// <summary>Upstream datasets the library was derived from.</summary>
    public ImmutableArray<DatasetProvenance> Datasets { get; }

    /// <summary>The GPU named <paramref name="name"/> (case-insensitive), or null.</summary>
    public GpuInfo? Gpu(string name) => Gpus.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The power-cap response with id <paramref name="id"/> (case-insensitive), or null.</summary>
    public PowerCapResponse? PowerCap(string id) => PowerCaps.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The training profile with id <paramref name="id"/> (case-insensitive), or null.</summary>
    public TrainingProfile? TrainingProfile(string id) => TrainingProfiles.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Configurations matching <paramref name="label"/> and <paramref name="gpu"/>, narrowed by
    /// <paramref name="gpusPerReplica"/> and <paramref name="task"/> when given (all case-insensitive).
    /// </summary>
    public IReadOnlyList<InferenceConfig> FindInference(string label, string gpu, int? gpusPerReplica = null, string? task = null) =>
        Inference.Where(c =>
                string.Equals(c.Key.Label, label, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.Key.Gpu, gpu, StringComparison.OrdinalIgnoreCase)
                && (gpusPerReplica is null || c.Key.GpusPerReplica == gpusPerReplica)
                && (task is null || string.Equals(c.Key.Task, task, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>
    /// The per-GPU power series replayed for <paramref name="point"/>: its stored series times
    /// <see cref="InferencePoint.SeriesScale"/>, in watts.
    /// </summary>
    public float[] ReplaySeriesW(InferencePoint point)
    {
        var source = _series[point.SeriesId].PowerW;
        var result = new float[source.Length];
        float scale = (float)point.SeriesScale;
        for (int i = 0; i < source.Length; i++)
            result[i] = source[i] * scale;
        return result;
    }

    /// <summary>One line per configuration, e.g. for error messages listing what exists.</summary>
    public static string Describe(InferenceConfig config) => string.Create(CultureInfo.InvariantCulture,
        $"{config.Key} batch sizes {string.Join(",", config.BatchSizes)}");
}
