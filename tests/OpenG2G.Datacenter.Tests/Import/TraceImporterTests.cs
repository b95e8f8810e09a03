using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Import;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Tests.Import;

/// <summary>The importer on the small fixture files; expected values are worked out by hand from them.</summary>
public class TraceImporterTests
{
    private static readonly TraceLibrary Library = TraceImporter.Build(TestRun.FixtureData);

    private static InferenceConfig Config(string label, string gpu, int gpus) => Assert.Single(Library.FindInference(label, gpu, gpus));

    [Fact]
    public void Measured_configurations_take_mean_power_from_the_series_per_gpu()
    {
        var llama = Config("Llama-3.1-8B", "H100", 1);
        Assert.Equal(new[] { 8, 16, 32, 64, 128 }, llama.BatchSizes);
        Assert.Equal(new[] { 500.0, 600, 650, 700, 720 }, llama.Points.Select(p => Math.Round(p.MeanPowerW, 9)));
        Assert.All(llama.Points, p => Assert.Equal(Provenance.Measured, p.SeriesProvenance));
        var qwen = Config("Qwen3-30B-A3B", "H100", 2);
        Assert.Equal(1100.0, qwen.Points[0].MeanPowerW, 9);
        Assert.Equal(new float[] { 500, 600 }, Library.Series[qwen.Points[0].SeriesId].PowerW.ToArray());
        Assert.Equal("gpqa", qwen.Key.Task);
        Assert.Equal("MoE", qwen.Architecture);
    }

    [Fact]
    public void Throughput_is_measured_where_the_leaderboard_has_it_and_the_published_fit_elsewhere()
    {
        var llama = Config("Llama-3.1-8B", "H100", 1);
        Assert.Equal(1000.0, llama.Points[0].ThroughputTokensPerS);
        Assert.Equal("measured", llama.Points[0].ThroughputSource);
        Assert.Equal(8000 / (1 + Math.E), llama.PointAt(32)!.ThroughputTokensPerS, 9);
        Assert.Equal("openg2g-logistic-fit", llama.PointAt(32)!.ThroughputSource);
        Assert.Equal(1100.0, Config("Qwen3-30B-A3B", "H100", 2).PointAt(16)!.ThroughputTokensPerS, 9);
    }

    [Fact]
    public void Itl_mixtures_are_kept_as_given()
    {
        var p = Config("Llama-3.1-8B", "H100", 1).PointAt(64)!;
        Assert.Equal(new ItlDistribution(0.001, 0.9, 0.1, 0.010, 0.5, 0.018), p.Itl);
        Assert.Equal("measured-mixture", p.ItlSource);
    }

    [Fact]
    public void A_summary_only_configuration_gets_a_rescaled_series_of_the_same_model_and_batch()
    {
        var b200 = Config("Llama-3.1-8B", "B200", 1);
        var p = Assert.Single(b200.Points);
        Assert.Equal(Provenance.Synthesised, p.SeriesProvenance);
        Assert.Equal(1, p.SeriesId);
        Assert.Equal(600.0 / 500.0, p.SeriesScale, 12);
        Assert.Equal(600.0, Library.ReplaySeriesW(p).Average(v => (double)v), 4);
        Assert.Equal("rescaled from Llama-3.1-8B batch 8 (series 1)", p.SeriesSource);
    }

    [Fact]
    public void The_template_rule_trades_architecture_against_size_and_batch()
    {
        // Big-MoE (MoE, 20 B active, batch 32): Llama b32 scores 2 + 0 + log2(20/8) = 3.32,
        // Qwen b16 scores 0 + 1 + log2(20/3.3) = 3.60, so the dense Llama series wins.
        var moe = Config("Big-MoE-Instruct", "H100", 8);
        var p = Assert.Single(moe.Points);
        Assert.Equal(3, p.SeriesId);
        Assert.Equal(4200.0 / 8 / 650.0, p.SeriesScale, 12);
    }

    [Fact]
    public void Repeated_leaderboard_runs_are_averaged_and_percentiles_give_a_lognormal()
    {
        var p = Assert.Single(Config("Big-MoE-Instruct", "H100", 8).Points);
        Assert.Equal(4200.0, p.MeanPowerW, 9);
        Assert.Equal(1000.0, p.ThroughputTokensPerS, 9);
        Assert.Equal(0.032, p.MedianItlS, 12);
        double[] z = { 1.2815515655446004, 1.6448536269514722, 2.3263478740408408 };
        double[] q = { 0.042, 0.047, 0.062 };
        double sigma = z.Zip(q, (zi, qi) => zi * Math.Log(qi / 0.032)).Sum() / z.Sum(zi => zi * zi);
        Assert.Equal(ItlDistribution.LogNormal(0, sigma, 0.032), p.Itl with { ScaleSteadyS = p.Itl.ScaleSteadyS });
        Assert.Equal(0.032, p.Itl.MedianS, 10);
        Assert.Equal("lognormal-from-percentiles", p.ItlSource);
    }

    [Fact]
    public void Power_caps_come_from_zeus_and_perseus_with_power_per_gpu()
    {
        Assert.Equal(
            new[] { "perseus/bloom-3b/A40/b512", "perseus/gpt3-xl/A100/b1024", "zeus/resnet50-imagenet-adadelta/P100/b256",
                "zeus/resnet50-imagenet-adadelta/RTX6000/b256", "zeus/resnet50-imagenet-adadelta/V100/b256", "zeus/shufflenetv2-cifar100-adadelta/A40/b1024" },
            Library.PowerCaps.Select(r => r.Id));
        var gpt = Library.PowerCap("perseus/gpt3-xl/A100/b1024")!;
        Assert.Equal(4, gpt.NumGpus);
        Assert.Equal(new[] { 180.0, 270.0 }, gpt.Points.Select(p => p.PowerPerGpuW));
        Assert.Equal(10.0 / 12.5, gpt.ThroughputFraction(200).Value, 12);
        var zeus = Library.PowerCap("zeus/shufflenetv2-cifar100-adadelta/A40/b1024")!;
        Assert.Equal(10.0 / 30.0, zeus.ThroughputFraction(100).Value, 12);
        Assert.Equal("epoch", zeus.Unit);
    }

    [Fact]
    public void The_training_profile_is_synthetic_with_the_measured_mean_and_dip_level()
    {
        var profile = Assert.Single(Library.TrainingProfiles);
        Assert.Equal(Provenance.Synthetic, profile.Provenance);
        Assert.Equal(270.0 / 300.0, profile.SteadyMeanFraction, 5);
        Assert.Equal(6000, profile.Steady.Length);
        Assert.Equal(600, profile.Warmup.Length);
        double checkpoint = profile.Steady[^50];
        Assert.InRange(checkpoint, 83.64 / 300 * 0.95, 83.64 / 300 * 1.05);
    }

    [Fact]
    public void Gpus_carry_measured_idle_power_where_known_and_an_assumed_default_otherwise()
    {
        Assert.Equal(83.64, Library.Gpu("A100")!.IdlePowerW);
        Assert.StartsWith("measured", Library.Gpu("A100")!.IdleSource);
        Assert.Equal(70.0, Library.Gpu("H100")!.IdlePowerW, 9);
        Assert.Equal("assumed: 10 % of the 700 W board limit (no licensed idle measurement)", Library.Gpu("H100")!.IdleSource);
    }

    [Fact]
    public void A_trace_off_the_sample_grid_is_reported_with_its_location()
    {
        string data = CopyFixture();
        string file = Path.Combine(data, "openg2g-mlenergy-power-traces", "traces", "Llama-3.1-8B_num_gpus_1_max_num_seqs_32.csv");
        File.WriteAllText(file, "relative_time_s,power_total_W\n0.0,600\n0.25,700\n");
        var e = Assert.Throws<InvalidInputException>(() => TraceImporter.Build(data));
        Assert.Equal($"{file}:3:1: relative_time_s: expected a 0.1 s grid (sample 1 at 0.1 s), got 0.25", e.Message);
    }

    internal static string CopyFixture()
    {
        string target = TestRun.TempDirectory();
        foreach (string file in Directory.EnumerateFiles(TestRun.FixtureData, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(TestRun.FixtureData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
