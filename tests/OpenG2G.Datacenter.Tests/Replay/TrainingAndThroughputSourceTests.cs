using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;
using OpenG2G.Testing;

namespace OpenG2G.Datacenter.Tests.Replay;

/// <summary>What the datacenter reports about training jobs and where its throughput comes from, against the raw datasets.</summary>
public class TrainingAndThroughputSourceTests
{
    private const string Gpt3Xl = "perseus/gpt3-xl/A100/b1024";

    private static TraceReplayOptions H100Site(TrainingJobOptions job) => new()
    {
        CapacityGpus = 8,
        GpuType = "H100",
        Training = ImmutableArray.Create(job),
    };

    [Fact]
    public void An_A100_curve_on_an_H100_job_must_be_named_as_borrowed()
    {
        var job = new TrainingJobOptions { Name = "gpt", Gpus = 4, StartS = 0, EndS = 100, PowerCapResponse = Gpt3Xl };
        var e = Assert.Throws<InvalidInputException>(() => Fleets.Build(H100Site(job)));
        Assert.Equal(
            "training[0].power_cap_response: 'perseus/gpt3-xl/A100/b1024' was measured on A100, but the job runs on H100 (the library has no power-capped training measured on H100); "
            + "to borrow the A100 curve as measured (caps, power per GPU and throughput fraction of A100), set power_cap_curve: A100",
            Assert.Single(e.Errors).ToString());
        var wrong = Assert.Throws<InvalidInputException>(() => Fleets.Build(H100Site(job with { PowerCapCurve = "A40" })));
        Assert.Equal("training[0].power_cap_curve: 'A40' is not the GPU 'perseus/gpt3-xl/A100/b1024' was measured on (A100); set power_cap_curve: A100 or choose a response measured on A40",
            Assert.Single(wrong.Errors).ToString());
        var alone = new TrainingJobOptions { Gpus = 4, StartS = 0, EndS = 100, PeakWPerGpu = 300, PowerCapCurve = "A100" };
        Assert.Contains(new TraceReplayOptions { CapacityGpus = 8, Training = ImmutableArray.Create(alone) }.Validate(),
            p => p.Path == "training[0].power_cap_curve" && p.Message == "needs power_cap_response (the measured response whose curve the job borrows)");
    }

    [SharedDataFact]
    public void A_borrowed_curve_reports_the_measured_perseus_throughput_fraction_at_each_measured_cap()
    {
        // Perseus SOSP'24, zeus_global_A100.csv: GPT-3 XL iteration time per global power limit (independent of the library).
        var measured = PerseusMeasurements.Of("gpt3-xl", "A100");
        Assert.Equal([175.0, 200, 225, 250, 275, 300], measured.Select(p => p.PowerLimitW));
        double fastest = measured[^1].IterationTimeS;
        var dc = Fleets.Build(H100Site(new TrainingJobOptions { Name = "gpt", Gpus = 4, StartS = 1, EndS = 100, PowerCapResponse = Gpt3Xl, PowerCapCurve = "A100" }));
        dc.Reset(TestRun.Context(1));

        TrainingJobState before = dc.Step(SimTime.Zero).Training.Single();
        Assert.False(before.Running);
        Assert.Equal(0.0, before.PowerW);
        Assert.Equal(double.NaN, before.ThroughputFraction);
        Assert.Equal(new TrainingJobInfo("gpt", 4, "H100", 1, 100, Gpt3Xl, "A100"), before.Info);
        Assert.True(before.Info.BorrowsPowerCapCurve);

        foreach (PerseusMeasurements.Point p in measured)
        {
            dc.Apply(new OpenG2G.Core.Commands.SetPowerCap("dc", "gpt", p.PowerLimitW), SimTime.FromSeconds(10m));
            TrainingJobState s = dc.Step(SimTime.FromSeconds(10m)).Training.Single();
            Assert.True(s.Running);
            Assert.Equal(p.PowerLimitW, s.PowerCapW);
            Assert.Equal(fastest / p.IterationTimeS, s.ThroughputFraction, 9);
        }
    }

    [SharedDataFact]
    public void Throughput_is_measured_exactly_where_the_leaderboard_has_a_row_and_extrapolated_beyond()
    {
        // ML.ENERGY leaderboard v3 (llm_mllm_configs.csv): Qwen3-235B-A22B (Thinking-2507) on 8 H100 for gpqa.
        var rows = File.ReadLines(SharedData.PathOf("data/mlenergy-leaderboard-v3/llm_mllm_configs.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(c => c[0] == "gpqa" && c[1] == "Qwen/Qwen3-235B-A22B-Thinking-2507" && c[7].StartsWith("H100", StringComparison.Ordinal) && c[8] == "8")
            .Select(c => int.Parse(c[12], CultureInfo.InvariantCulture))
            .ToHashSet();
        Assert.Equal(new HashSet<int> { 8, 16, 32 }, rows);
        var dc = Fleets.Build(new TraceReplayOptions { CapacityGpus = 8, Models = ImmutableArray.Create(Fleets.Model("Qwen3-235B-A22B", 8, 0.14, 1)) });
        dc.Reset(TestRun.Context(1));
        foreach (int batch in new[] { 8, 16, 32, 64, 128, 256, 512 })
        {
            dc.Apply(new OpenG2G.Core.Commands.SetBatchSize("dc", "Qwen3-235B-A22B", batch), SimTime.Zero);
            ModelState m = dc.Step(SimTime.Zero).Models.Single();
            Assert.Equal(rows.Contains(batch) ? ThroughputProvenance.Measured : ThroughputProvenance.Extrapolated, m.ThroughputSource);
        }
    }
}
