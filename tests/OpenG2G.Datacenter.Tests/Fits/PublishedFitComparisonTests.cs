using OpenG2G.Datacenter.Fits;
using OpenG2G.Datacenter.Import;
using OpenG2G.Datacenter.Traces;
using OpenG2G.Testing;

namespace OpenG2G.Datacenter.Tests.Fits;

/// <summary>
/// Our least-squares power fits on the library's measured points against the openg2g extract's own
/// published logistic fits (an independent fit of the same measurements): a least-squares optimum
/// cannot have a larger squared error than any other logistic on the same points.
/// </summary>
public class PublishedFitComparisonTests
{
    [SharedDataTheory]
    [InlineData("Llama-3.1-8B")]
    [InlineData("Llama-3.1-70B")]
    [InlineData("Llama-3.1-405B")]
    [InlineData("Qwen3-30B-A3B")]
    [InlineData("Qwen3-235B-A22B")]
    public void Our_power_fit_is_no_worse_than_the_published_one_and_within_five_percent_of_every_point(string label)
    {
        var published = OpenG2GTraceSet.ReadPublishedFits(SharedData.PathOf("data/openg2g-mlenergy-power-traces"))[(label, "power")];
        var config = TestRun.Library.Inference.Single(c => c.Key.Label == label && c.Key.Gpu == "H100" && c.SeriesProvenance == Provenance.Measured);
        var x = config.Points.Select(p => Math.Log2(p.BatchSize)).ToArray();
        var y = config.Points.Select(p => p.MeanPowerW).ToArray();
        var ours = Assert.IsType<LogisticCurve>(config.Curves.Power.Curve);
        Assert.True(LogisticFitter.Sse(ours, x, y) <= LogisticFitter.Sse(published, x, y) * (1 + 1e-9));
        Assert.True(FitQuality.Of(ours, x, y).MaxRelativeError < 0.05);
    }

    [SharedDataFact]
    public void The_committed_library_matches_the_raw_trace_means()
    {
        // Mean of the raw CSV (replica total) against the library's float32 per-GPU series times the GPU count.
        string file = SharedData.PathOf("data/openg2g-mlenergy-power-traces/traces/Llama-3.1-70B_num_gpus_4_max_num_seqs_256.csv");
        double raw = File.ReadLines(file).Skip(1).Average(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        var point = TestRun.Library.FindInference("Llama-3.1-70B", "H100", 4).Single().PointAt(256)!;
        Assert.Equal(raw, point.MeanPowerW, 3);
    }
}
