using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Fits;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Import;

/// <summary>
/// Joins the measured power series (openg2g extract) with the steady-state summaries (leaderboard
/// v3) into the library's inference configurations, synthesises series where none was measured,
/// and fits the curves.
/// </summary>
internal static class InferenceBuilder
{
    public const string ThroughputMeasured = InferenceConfig.MeasuredThroughput;
    public const string ThroughputPublishedFit = "openg2g-logistic-fit";
    public const string ItlMixture = "measured-mixture";
    public const string ItlFromPercentiles = "lognormal-from-percentiles";

    public static (List<InferenceConfig> Configs, List<PowerSeries> Series) Build(OpenG2GTraceSet traces, IReadOnlyList<LeaderboardRow> leaderboard)
    {
        var series = new List<PowerSeries>();
        var configs = new List<InferenceConfig>();
        var candidates = new List<SeriesMatcher.Candidate>();
        var covered = new HashSet<(string, string, string, int)>();
        var aliases = OpenG2GTraceSet.Models.ToDictionary(m => m.Value.ModelId, m => m.Key, StringComparer.Ordinal);

        foreach (var group in traces.Traces.GroupBy(t => t.Label))
        {
            var (modelId, task) = OpenG2GTraceSet.Models[group.Key];
            var about = leaderboard.FirstOrDefault(r => r.ModelId == modelId)
                ?? throw Missing($"the leaderboard has no row for {modelId}, needed for the architecture of {group.Key}");
            int gpus = group.First().GpusPerReplica;
            covered.Add((modelId, task, OpenG2GTraceSet.Gpu, gpus));
            var points = new List<InferencePoint>();
            foreach (var t in group)
            {
                int id = series.Count + 1;
                string source = $"{OpenG2GTraceSet.DatasetId}/{t.File}";
                var s = new PowerSeries(id, OpenG2GTraceSet.SamplePeriodS, t.PowerWPerGpu, Provenance.Measured, source);
                series.Add(s);
                candidates.Add(new SeriesMatcher.Candidate(t.Label, about.Architecture, about.ActivatedParamsBillions, t.BatchSize, id, s.MeanPowerW));
                var lb = leaderboard.FirstOrDefault(r => r.ModelId == modelId && r.Task == task && r.Gpu == OpenG2GTraceSet.Gpu
                    && r.NumGpus == gpus && r.MaxNumSeqs == t.BatchSize);
                double throughput = lb?.ThroughputTokensPerS
                    ?? traces.PublishedThroughputFits[t.Label].Evaluate(Math.Log2(t.BatchSize)).Value;
                points.Add(new InferencePoint(
                    t.BatchSize,
                    s.MeanPowerW * gpus,
                    throughput,
                    lb is null ? ThroughputPublishedFit : ThroughputMeasured,
                    traces.Itl[(t.Label, t.BatchSize)],
                    ItlMixture,
                    lb?.MedianItlS ?? double.NaN,
                    lb?.P99ItlS ?? double.NaN,
                    id,
                    1.0,
                    Provenance.Measured,
                    source));
            }
            var key = new InferenceConfigKey(group.Key, OpenG2GTraceSet.Gpu, gpus, task);
            configs.Add(new InferenceConfig(key, modelId, about.Architecture, about.ActivatedParamsBillions, about.WeightPrecision,
                OpenG2GTraceSet.DatasetId, points, Fit(points)));
        }

        var matcher = new SeriesMatcher(candidates);
        foreach (var group in leaderboard
                     .Where(r => !covered.Contains((r.ModelId, r.Task, r.Gpu, r.NumGpus)))
                     .GroupBy(r => (r.ModelId, r.Task, r.Gpu, r.NumGpus)))
        {
            var first = group.First();
            string label = aliases.TryGetValue(first.ModelId, out var alias) ? alias : first.ModelId[(first.ModelId.LastIndexOf('/') + 1)..];
            var points = group.Select(r =>
            {
                var template = matcher.Choose(r.Architecture, r.ActivatedParamsBillions, r.MaxNumSeqs);
                double scale = r.AvgPowerW / r.NumGpus / template.MeanPowerWPerGpu;
                return new InferencePoint(
                    r.MaxNumSeqs,
                    r.AvgPowerW,
                    r.ThroughputTokensPerS,
                    ThroughputMeasured,
                    ItlDistribution.LogNormal(0.0, PercentileLogNormal.Sigma(r.MedianItlS, r.P90ItlS, r.P95ItlS, r.P99ItlS), r.MedianItlS),
                    ItlFromPercentiles,
                    r.MedianItlS,
                    r.P99ItlS,
                    template.SeriesId,
                    scale,
                    Provenance.Synthesised,
                    "rescaled from " + SeriesMatcher.Describe(template));
            }).ToList();
            var key = new InferenceConfigKey(label, first.Gpu, first.NumGpus, first.Task);
            configs.Add(new InferenceConfig(key, first.ModelId, first.Architecture, first.ActivatedParamsBillions, first.WeightPrecision,
                LeaderboardSet.DatasetId, points, Fit(points)));
        }
        return (configs, series);
    }

    /// <summary>Fits power (W per replica), latency (mean ITL, s) and throughput (tokens/s per replica) against log2(batch).</summary>
    public static PerformanceCurves Fit(IReadOnlyList<InferencePoint> points)
    {
        var x = points.Select(p => Math.Log2(p.BatchSize)).ToArray();
        return new PerformanceCurves(
            CurveFit.Create("power", x, points.Select(p => p.MeanPowerW).ToArray()),
            CurveFit.Create("latency", x, points.Select(p => p.Itl.MeanS).ToArray()),
            CurveFit.Create("throughput", x, points.Select(p => p.ThroughputTokensPerS).ToArray()));
    }

    private static InvalidInputException Missing(string message) =>
        new(Diagnostic.Error(SourceLocation.None, string.Empty, message));

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
