using System.Text;
using System.Text.Json;
using OpenG2G.Datacenter.Fits;

namespace OpenG2G.Datacenter.Traces.Storage;

/// <summary>
/// Writes a <see cref="TraceLibrary"/> to a folder: the Parquet tables and <c>index.json</c>
/// (the README is the importer's). Output bytes depend only on the library's contents.
/// </summary>
public static class TraceLibraryWriter
{
    public static void Write(TraceLibrary library, string directory, string generatedBy)
    {
        Directory.CreateDirectory(directory);
        ParquetTables.Write(Path.Combine(directory, TraceLibraryFiles.InferencePoints), InferenceRows(library));
        ParquetTables.Write(Path.Combine(directory, TraceLibraryFiles.Series), library.Series.Values.OrderBy(s => s.Id)
            .Select(s => new SeriesRow
            {
                SeriesId = s.Id,
                SamplePeriodS = s.SamplePeriodS,
                Samples = s.Length,
                MeanPowerWPerGpu = s.MeanPowerW,
                Provenance = ProvenanceText(s.Provenance),
                Source = s.Source,
            }).ToList());
        ParquetTables.Write(Path.Combine(directory, TraceLibraryFiles.PowerSeries), SampleRows(library));
        ParquetTables.Write(Path.Combine(directory, TraceLibraryFiles.Fits), FitRows(library));
        ParquetTables.Write(Path.Combine(directory, TraceLibraryFiles.PowerCaps), library.PowerCaps.SelectMany(r => r.Points.Select(p => new PowerCapRow
        {
            ResponseId = r.Id,
            Dataset = r.Dataset,
            Workload = r.Workload,
            Gpu = r.Gpu,
            BatchSize = r.BatchSize,
            NumGpus = r.NumGpus,
            Unit = r.Unit,
            PowerLimitW = p.PowerLimitW,
            PowerWPerGpu = p.PowerPerGpuW,
            TimePerUnitS = p.TimePerUnitS,
            ThroughputFraction = r.Points[^1].TimePerUnitS / p.TimePerUnitS,
        })).ToList());
        ParquetTables.Write(Path.Combine(directory, TraceLibraryFiles.TrainingProfiles), TrainingRows(library));
        File.WriteAllText(Path.Combine(directory, TraceLibraryFiles.Index), IndexJson(library, generatedBy), new UTF8Encoding(false));
    }

    /// <summary>Provenance as the tables spell it: <c>measured</c>, <c>synthesised</c>, <c>synthetic</c>.</summary>
    public static string ProvenanceText(Provenance provenance) => provenance.ToString().ToLowerInvariant();

    private static List<InferencePointRow> InferenceRows(TraceLibrary library) =>
        library.Inference.SelectMany(c => c.Points.Select(p => new InferencePointRow
        {
            Label = c.Key.Label,
            ModelId = c.ModelId,
            Task = c.Key.Task,
            Gpu = c.Key.Gpu,
            GpusPerReplica = c.Key.GpusPerReplica,
            Architecture = c.Architecture,
            ActivatedParamsBillions = c.ActivatedParamsBillions,
            WeightPrecision = c.WeightPrecision,
            SourceDataset = c.SourceDataset,
            BatchSize = p.BatchSize,
            MeanPowerWPerReplica = p.MeanPowerW,
            ThroughputTokensPerS = p.ThroughputTokensPerS,
            ThroughputSource = p.ThroughputSource,
            ItlSource = p.ItlSource,
            ItlLocS = p.Itl.LocS,
            ItlPiSteady = p.Itl.PiSteady,
            ItlSigmaSteady = p.Itl.SigmaSteady,
            ItlScaleSteadyS = p.Itl.ScaleSteadyS,
            ItlSigmaStall = p.Itl.SigmaStall,
            ItlScaleStallS = p.Itl.ScaleStallS,
            ItlMeanS = p.Itl.MeanS,
            MeasuredMedianItlS = double.IsNaN(p.MedianItlS) ? null : p.MedianItlS,
            MeasuredP99ItlS = double.IsNaN(p.P99ItlS) ? null : p.P99ItlS,
            SeriesId = p.SeriesId,
            SeriesScale = p.SeriesScale,
            SeriesProvenance = ProvenanceText(p.SeriesProvenance),
            SeriesSource = p.SeriesSource,
        })).ToList();

    private static List<PowerSampleRow> SampleRows(TraceLibrary library)
    {
        var rows = new List<PowerSampleRow>();
        foreach (var s in library.Series.Values.OrderBy(s => s.Id))
        {
            var power = s.PowerW;
            for (int i = 0; i < power.Length; i++)
                rows.Add(new PowerSampleRow { SeriesId = s.Id, Sample = i, PowerWPerGpu = power[i] });
        }
        return rows;
    }

    private static List<FitRow> FitRows(TraceLibrary library)
    {
        var rows = new List<FitRow>();
        foreach (var c in library.Inference)
        {
            foreach (var (fit, unit) in new[] { (c.Curves.Power, "W"), (c.Curves.Latency, "s"), (c.Curves.Throughput, "tokens/s") })
            {
                var logistic = fit.Curve as LogisticCurve;
                rows.Add(new FitRow
                {
                    Label = c.Key.Label,
                    Gpu = c.Key.Gpu,
                    GpusPerReplica = c.Key.GpusPerReplica,
                    Task = c.Key.Task,
                    Metric = fit.Metric,
                    Unit = unit,
                    Kind = fit.Kind,
                    L = logistic?.L,
                    X0 = logistic?.X0,
                    K = logistic?.K,
                    B0 = logistic?.B0,
                    Points = fit.Quality.Points,
                    RmsRelativeError = fit.Quality.RmsRelativeError,
                    MaxRelativeError = fit.Quality.MaxRelativeError,
                });
            }
        }
        return rows;
    }

    private static List<TrainingSampleRow> TrainingRows(TraceLibrary library)
    {
        var rows = new List<TrainingSampleRow>();
        foreach (var p in library.TrainingProfiles)
        {
            for (int i = 0; i < p.Warmup.Length; i++)
                rows.Add(new TrainingSampleRow { ProfileId = p.Id, Segment = "warmup", Sample = i, PowerFractionOfPeak = p.Warmup[i] });
            for (int i = 0; i < p.Steady.Length; i++)
                rows.Add(new TrainingSampleRow { ProfileId = p.Id, Segment = "steady", Sample = i, PowerFractionOfPeak = p.Steady[i] });
        }
        return rows;
    }

    private static string IndexJson(TraceLibrary library, string generatedBy)
    {
        var index = new LibraryIndex
        {
            FormatVersion = LibraryIndex.CurrentFormatVersion,
            GeneratedBy = generatedBy,
            Files = TraceLibraryFiles.DataFiles.ToList(),
            Datasets = library.Datasets.Select(d => new LibraryIndex.DatasetEntry
            {
                Id = d.Id, Repository = d.Repository, Commit = d.Commit, Licence = d.Licence, Derived = d.Derived,
            }).ToList(),
            Gpus = library.Gpus.Select(g => new LibraryIndex.GpuEntry
            {
                Name = g.Name, MaxPowerW = g.MaxPowerW, IdlePowerW = g.IdlePowerW, IdleSource = g.IdleSource,
            }).ToList(),
            TrainingProfiles = library.TrainingProfiles.Select(p => new LibraryIndex.TrainingProfileEntry
            {
                Id = p.Id, SamplePeriodS = p.SamplePeriodS, Provenance = ProvenanceText(p.Provenance), Description = p.Description,
            }).ToList(),
        };
        string json = JsonSerializer.Serialize(index, new JsonSerializerOptions { WriteIndented = true });
        return json.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
