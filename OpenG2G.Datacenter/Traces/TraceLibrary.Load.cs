using System.Collections.Concurrent;
using System.Text.Json;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Fits;
using OpenG2G.Datacenter.Traces.Storage;

namespace OpenG2G.Datacenter.Traces;

public sealed partial class TraceLibrary
{
    private static readonly ConcurrentDictionary<string, Lazy<TraceLibrary>> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The library in <paramref name="directory"/>, read once per process and folder (re-read when
    /// its <c>index.json</c> changes). Throws <see cref="InvalidInputException"/> naming the file when the
    /// folder is not a trace library or a table is inconsistent.
    /// </summary>
    public static TraceLibrary Load(string directory)
    {
        string full = Path.GetFullPath(directory);
        string index = Path.Combine(full, TraceLibraryFiles.Index);
        if (!File.Exists(index))
        {
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(index, 0, 0), string.Empty,
                $"not a trace library: {TraceLibraryFiles.Index} is missing (build one with `openg2g traces import`)"));
        }
        string key = full + "|" + File.GetLastWriteTimeUtc(index).Ticks;
        return Cache.GetOrAdd(key, k => new Lazy<TraceLibrary>(() => Read(full))).Value;
    }

    /// <summary>Read <paramref name="directory"/> without the cache.</summary>
    public static TraceLibrary Read(string directory)
    {
        var index = ReadIndex(Path.Combine(directory, TraceLibraryFiles.Index));
        foreach (string file in index.Files)
        {
            string path = Path.Combine(directory, file);
            if (!File.Exists(path))
                throw Error(path, $"the library index lists {file}, but the file is missing");
        }
        var series = ReadSeries(directory);
        var inference = ReadInference(directory);
        var powerCaps = ParquetTables.Read<PowerCapRow>(Path.Combine(directory, TraceLibraryFiles.PowerCaps))
            .GroupBy(r => r.ResponseId)
            .Select(g =>
            {
                var f = g.First();
                return new PowerCapResponse(f.ResponseId, f.Dataset, f.Workload, f.Gpu, f.BatchSize, f.NumGpus, f.Unit,
                    g.Select(r => new PowerCapPoint(r.PowerLimitW, r.PowerWPerGpu, r.TimePerUnitS)));
            });
        var trainingRows = ParquetTables.Read<TrainingSampleRow>(Path.Combine(directory, TraceLibraryFiles.TrainingProfiles));
        var training = index.TrainingProfiles.Select(e => new TrainingProfile(
            e.Id,
            e.SamplePeriodS,
            trainingRows.Where(r => r.ProfileId == e.Id && r.Segment == "warmup").OrderBy(r => r.Sample).Select(r => r.PowerFractionOfPeak).ToArray(),
            trainingRows.Where(r => r.ProfileId == e.Id && r.Segment == "steady").OrderBy(r => r.Sample).Select(r => r.PowerFractionOfPeak).ToArray(),
            ParseProvenance(e.Provenance, directory),
            e.Description));
        return new TraceLibrary(
            inference,
            series,
            powerCaps,
            training,
            index.Gpus.Select(g => new GpuInfo(g.Name, g.MaxPowerW, g.IdlePowerW, g.IdleSource)),
            index.Datasets.Select(d => new DatasetProvenance(d.Id, d.Repository, d.Commit, d.Licence, d.Derived)));
    }

    private static LibraryIndex ReadIndex(string path)
    {
        LibraryIndex? index;
        try
        {
            index = JsonSerializer.Deserialize<LibraryIndex>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidInputException(Diagnostic.Error(
                new SourceLocation(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), string.Empty, e.Message));
        }
        if (index is null || index.FormatVersion != LibraryIndex.CurrentFormatVersion)
        {
            throw Error(path, $"format_version {index?.FormatVersion} is not supported; expected {LibraryIndex.CurrentFormatVersion} " +
                "(re-import the library with this version of openg2g)");
        }
        return index;
    }

    private static List<PowerSeries> ReadSeries(string directory)
    {
        string samplesPath = Path.Combine(directory, TraceLibraryFiles.PowerSeries);
        var (ids, sampleIndex, powerWPerGpu) = ParquetTables.ReadPowerSamples(samplesPath);
        var byId = new Dictionary<int, List<int>>();
        for (int r = 0; r < ids.Length; r++)
        {
            if (!byId.TryGetValue(ids[r], out var list))
                byId[ids[r]] = list = new List<int>();
            list.Add(r);
        }
        var result = new List<PowerSeries>();
        foreach (var meta in ParquetTables.Read<SeriesRow>(Path.Combine(directory, TraceLibraryFiles.Series)))
        {
            if (!byId.TryGetValue(meta.SeriesId, out var rows) || rows.Count != meta.Samples)
                throw Error(samplesPath, $"series {meta.SeriesId} should have {meta.Samples} samples, found {rows?.Count ?? 0}");
            rows.Sort((a, b) => sampleIndex[a].CompareTo(sampleIndex[b]));
            var power = new float[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                if (sampleIndex[rows[i]] != i)
                    throw Error(samplesPath, $"series {meta.SeriesId} is missing sample {i}");
                power[i] = powerWPerGpu[rows[i]];
            }
            result.Add(new PowerSeries(meta.SeriesId, meta.SamplePeriodS, power, ParseProvenance(meta.Provenance, directory), meta.Source));
        }
        return result;
    }

    private static List<InferenceConfig> ReadInference(string directory)
    {
        var fits = ParquetTables.Read<FitRow>(Path.Combine(directory, TraceLibraryFiles.Fits))
            .ToDictionary(f => (new InferenceConfigKey(f.Label, f.Gpu, f.GpusPerReplica, f.Task), f.Metric));
        var result = new List<InferenceConfig>();
        foreach (var group in ParquetTables.Read<InferencePointRow>(Path.Combine(directory, TraceLibraryFiles.InferencePoints))
                     .GroupBy(r => new InferenceConfigKey(r.Label, r.Gpu, r.GpusPerReplica, r.Task)))
        {
            var first = group.First();
            var points = group.OrderBy(r => r.BatchSize).Select(r => new InferencePoint(
                r.BatchSize,
                r.MeanPowerWPerReplica,
                r.ThroughputTokensPerS,
                r.ThroughputSource,
                new ItlDistribution(r.ItlLocS, r.ItlPiSteady, r.ItlSigmaSteady, r.ItlScaleSteadyS, r.ItlSigmaStall, r.ItlScaleStallS),
                r.ItlSource,
                r.MeasuredMedianItlS ?? double.NaN,
                r.MeasuredP99ItlS ?? double.NaN,
                r.SeriesId,
                r.SeriesScale,
                ParseProvenance(r.SeriesProvenance, directory),
                r.SeriesSource)).ToList();
            var x = points.Select(p => Math.Log2(p.BatchSize)).ToArray();
            CurveFit Fit(string metric, Func<InferencePoint, double> value)
            {
                if (!fits.TryGetValue((group.Key, metric), out var row))
                    throw Error(Path.Combine(directory, TraceLibraryFiles.Fits), $"no {metric} fit for {group.Key}");
                ICurve curve = row.Kind == "logistic4" && row.L is { } l && row.X0 is { } x0 && row.K is { } k && row.B0 is { } b0
                    ? new LogisticCurve(l, x0, k, b0)
                    : new MonotoneCurve(x, points.Select(value).ToArray());
                return new CurveFit(metric, curve, new FitQuality(row.Points, row.RmsRelativeError, row.MaxRelativeError));
            }
            var curves = new PerformanceCurves(
                Fit("power", p => p.MeanPowerW),
                Fit("latency", p => p.Itl.MeanS),
                Fit("throughput", p => p.ThroughputTokensPerS));
            result.Add(new InferenceConfig(group.Key, first.ModelId, first.Architecture, first.ActivatedParamsBillions,
                first.WeightPrecision, first.SourceDataset, points, curves));
        }
        return result;
    }

    private static Provenance ParseProvenance(string text, string directory) =>
        Enum.TryParse<Provenance>(text, ignoreCase: true, out var p)
            ? p
            : throw Error(directory, $"unknown provenance '{text}'; expected measured, synthesised or synthetic");

    private static InvalidInputException Error(string path, string message) =>
        new(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty, message));
}
