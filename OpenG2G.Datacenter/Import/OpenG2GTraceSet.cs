using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Fits;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Import;

/// <summary>
/// The openg2g extract of ML.ENERGY Benchmark v3 (<c>openg2g-mlenergy-power-traces</c>): measured
/// 0.1 s power series per (model, batch size) on H100, the ITL mixture fits, and the published
/// logistic fits (used only where the steady-state summary has no throughput).
/// </summary>
internal sealed class OpenG2GTraceSet
{
    public const string DatasetId = "openg2g-mlenergy-power-traces";
    public const double SamplePeriodS = 0.1;
    public const string Gpu = "H100";

    /// <summary>The ML.ENERGY runs the openg2g extract selected (its SOURCE.md table): label to model id and task.</summary>
    public static readonly IReadOnlyDictionary<string, (string ModelId, string Task)> Models = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["Llama-3.1-8B"] = ("meta-llama/Llama-3.1-8B-Instruct", "lm-arena-chat"),
        ["Llama-3.1-70B"] = ("meta-llama/Llama-3.1-70B-Instruct", "lm-arena-chat"),
        ["Llama-3.1-405B"] = ("meta-llama/Llama-3.1-405B-Instruct-FP8", "lm-arena-chat"),
        ["Qwen3-30B-A3B"] = ("Qwen/Qwen3-30B-A3B-Thinking-2507", "gpqa"),
        ["Qwen3-235B-A22B"] = ("Qwen/Qwen3-235B-A22B-Thinking-2507", "gpqa"),
    };

    private OpenG2GTraceSet(List<MeasuredTrace> traces, Dictionary<(string, int), ItlDistribution> itl, Dictionary<string, LogisticCurve> throughputFits)
    {
        Traces = traces;
        Itl = itl;
        PublishedThroughputFits = throughputFits;
    }

    /// <summary>Measured traces ordered by label then batch size.</summary>
    public IReadOnlyList<MeasuredTrace> Traces { get; }

    /// <summary>ITL mixture by (label, batch size).</summary>
    public IReadOnlyDictionary<(string Label, int Batch), ItlDistribution> Itl { get; }

    /// <summary>The extract's own logistic fits of throughput (tokens/s per replica) against log2(batch), by label.</summary>
    public IReadOnlyDictionary<string, LogisticCurve> PublishedThroughputFits { get; }

    public static OpenG2GTraceSet Read(string folder)
    {
        var traces = new List<MeasuredTrace>();
        var summary = CsvTable.Read(Path.Combine(folder, "traces_summary.csv"));
        foreach (var row in summary.Rows)
        {
            string label = row.Text("model_label");
            if (!Models.ContainsKey(label))
                throw row.Error("model_label", $"unknown model label '{label}'; expected one of {string.Join(", ", Models.Keys)}");
            int gpus = row.Integer("num_gpus");
            int batch = row.Integer("max_num_seqs");
            string file = row.Text("trace_file");
            traces.Add(new MeasuredTrace(label, gpus, batch, file, ReadSeries(Path.Combine(folder, file), gpus)));
        }
        traces.Sort((a, b) => a.Label != b.Label ? string.CompareOrdinal(a.Label, b.Label) : a.BatchSize.CompareTo(b.BatchSize));

        var itl = new Dictionary<(string, int), ItlDistribution>();
        foreach (var row in CsvTable.Read(Path.Combine(folder, "latency_fits.csv")).Rows)
        {
            if (row.Text("itl_dist") != "lognormal_mixture_2")
                throw row.Error("itl_dist", $"unsupported distribution '{row.Text("itl_dist")}'; expected lognormal_mixture_2");
            double piSteady = row.Number("itl_mix_pi_steady");
            double piStall = row.Number("itl_mix_pi_stall");
            if (Math.Abs(piSteady + piStall - 1.0) > 1e-9)
                throw row.Error("itl_mix_pi_stall", string.Create(CultureInfo.InvariantCulture, $"mixture weights must sum to 1, got {piSteady} + {piStall}"));
            itl[(row.Text("model_label"), row.Integer("max_num_seqs"))] = new ItlDistribution(
                row.Number("itl_mix_loc"), piSteady,
                row.Number("itl_mix_sigma_steady"), row.Number("itl_mix_scale_steady"),
                row.Number("itl_mix_sigma_stall"), row.Number("itl_mix_scale_stall"));
        }
        foreach (var t in traces)
        {
            if (!itl.ContainsKey((t.Label, t.BatchSize)))
                throw new InvalidInputException(Diagnostic.Error(new SourceLocation(Path.Combine(folder, "latency_fits.csv"), 0, 0), string.Empty,
                    $"no ITL fit for {t.Label} at max_num_seqs {t.BatchSize}"));
        }

        var fits = new Dictionary<string, LogisticCurve>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(Path.Combine(folder, "logistic_fits.csv")).Rows)
        {
            if (row.Text("metric") == "throughput")
                fits[row.Text("model_label")] = new LogisticCurve(row.Number("L"), row.Number("x0"), row.Number("k"), row.Number("b0"));
        }
        return new OpenG2GTraceSet(traces, itl, fits);
    }

    /// <summary>The extract's published logistic fits by (label, metric), for comparison with ours.</summary>
    public static IReadOnlyDictionary<(string Label, string Metric), LogisticCurve> ReadPublishedFits(string folder) =>
        CsvTable.Read(Path.Combine(folder, "logistic_fits.csv")).Rows.ToDictionary(
            r => (r.Text("model_label"), r.Text("metric")),
            r => new LogisticCurve(r.Number("L"), r.Number("x0"), r.Number("k"), r.Number("b0")));

    private static float[] ReadSeries(string path, int gpus)
    {
        var table = CsvTable.Read(path);
        var power = new float[table.Count];
        int i = 0;
        foreach (var row in table.Rows)
        {
            double t = row.Number("relative_time_s");
            if (Math.Abs(t - i * SamplePeriodS) > 1e-6)
            {
                throw row.Error("relative_time_s", string.Create(CultureInfo.InvariantCulture,
                    $"expected a {SamplePeriodS} s grid (sample {i} at {i * SamplePeriodS} s), got {t}"));
            }
            power[i++] = (float)(row.Number("power_total_W") / gpus);
        }
        return power;
    }
}
