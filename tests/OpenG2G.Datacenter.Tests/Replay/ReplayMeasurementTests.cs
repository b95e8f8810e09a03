using System.Collections.Immutable;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;

namespace OpenG2G.Datacenter.Tests.Replay;

/// <summary>The replay against the measurements it replays (the library's own numbers, from the raw traces).</summary>
public class ReplayMeasurementTests
{
    [Theory]
    [InlineData("Llama-3.1-8B", 1, 128)]
    [InlineData("Llama-3.1-70B", 4, 8)]
    [InlineData("Qwen3-235B-A22B", 8, 512)]
    public void One_replica_at_a_fixed_batch_reproduces_the_measured_mean_power_within_one_percent(string label, int gpus, int batch)
    {
        var point = TestRun.Library.FindInference(label, "H100", gpus).Single().PointAt(batch)!;
        int samples = TestRun.Library.Series[point.SeriesId].Length;
        var dc = Fleets.Build(new TraceReplayOptions
        {
            CapacityGpus = 8,
            AmplitudeJitter = 0,
            IdlePowerWPerGpu = 0,
            Models = ImmutableArray.Create(Fleets.Model(label, gpus, 1.0, 1) with { InitialBatchSize = batch, FeasibleBatchSizes = ImmutableArray<int>.Empty }),
        });
        var states = Fleets.Run(dc, seed: 3, steps: samples);
        double mean = states.Average(s => s.PowerW.Total);
        Assert.InRange(mean / point.MeanPowerW, 0.99, 1.01);
        Assert.Equal(mean, states.Average(s => s.Models[0].PowerW), 6);
    }

    [Fact]
    public void The_study_fleet_draws_the_sum_of_the_measured_replica_means_balanced_across_phases()
    {
        var options = Fleets.StudyFleet;
        var dc = Fleets.Build(options);
        var states = Fleets.Run(dc, seed: 1, steps: 600);
        double expected = options.Models.Sum(m =>
            m.InitialReplicas * TestRun.Library.FindInference(m.Label, "H100", m.GpusPerReplica).Single().PointAt(128)!.MeanPowerW);
        double mean = states.Average(s => s.PowerW.Total);
        Assert.InRange(mean / expected, 0.98, 1.02);
        Assert.InRange(expected, 2.49e6, 2.52e6); // 720 x 667.4 + 180 x 2183.4 + 90 x 4607.8 + 480 x 925.9 + 210 x 3665.5 W

        // Whole servers per phase: every model and the whole fleet within one server (8 GPUs) across phases.
        var gpusPerPhase = new double[3];
        foreach (var m in dc.Models)
        {
            var share = dc.PhaseShare(m.Model);
            double gpus = dc.ActiveReplicas(m.Model) * m.GpusPerReplica;
            var perPhase = new[] { share.A * gpus, share.B * gpus, share.C * gpus };
            Assert.True(perPhase.Max() - perPhase.Min() <= 8 + 1e-9, $"{m.Model}: {string.Join(", ", perPhase)}");
            for (int k = 0; k < 3; k++)
                gpusPerPhase[k] += perPhase[k];
        }
        Assert.Equal(4800, gpusPerPhase.Sum(), 9);
        Assert.True(gpusPerPhase.Max() - gpusPerPhase.Min() <= 8 + 1e-9, string.Join(", ", gpusPerPhase));
        Assert.Equal(0, dc.FreeGpus);
    }

    [Fact]
    public void At_batch_128_the_study_models_do_not_miss_their_itl_deadlines()
    {
        var options = Fleets.StudyFleet;
        var states = Fleets.Run(Fleets.Build(options), seed: 5, steps: 3000);
        for (int i = 0; i < options.Models.Length; i++)
        {
            double deadline = options.Models[i].ItlDeadlineS;
            Assert.All(states, s => Assert.True(s.Models[i].ItlS <= deadline, $"{s.Models[i].Model}: ITL {s.Models[i].ItlS} s at {s.Time}"));
        }
    }

    [Fact]
    public void Observed_itl_averages_to_the_mixture_mean_and_throughput_is_replicas_times_measured()
    {
        var states = Fleets.Run(Fleets.Build(Fleets.StudyFleet), seed: 9, steps: 2000);
        foreach (var m in Fleets.StudyFleet.Models.Select((m, i) => (m, i)))
        {
            var point = TestRun.Library.FindInference(m.m.Label, "H100", m.m.GpusPerReplica).Single().PointAt(128)!;
            Assert.InRange(states.Average(s => s.Models[m.i].ItlS) / point.Itl.MeanS, 0.98, 1.02);
            Assert.Equal(m.m.InitialReplicas * point.ThroughputTokensPerS, states[0].Models[m.i].ThroughputTokensPerS, 6);
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_output_bytes_and_another_seed_does_not()
    {
        static byte[] Bytes(List<OpenG2G.Core.States.DatacenterState> states) => states.SelectMany(s =>
            new[] { s.PowerW.A, s.PowerW.B, s.PowerW.C }.Concat(s.Models.SelectMany(m => new[] { m.ItlS, m.PowerW, m.ThroughputTokensPerS }))
                .SelectMany(BitConverter.GetBytes)).ToArray();
        var a = Bytes(Fleets.Run(Fleets.Build(Fleets.StudyFleet), seed: 17, steps: 200));
        var b = Bytes(Fleets.Run(Fleets.Build(Fleets.StudyFleet), seed: 17, steps: 200));
        var c = Bytes(Fleets.Run(Fleets.Build(Fleets.StudyFleet), seed: 18, steps: 200));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Reset_replays_the_run_again()
    {
        var dc = Fleets.Build(Fleets.StudyFleet);
        var first = Fleets.Run(dc, seed: 4, steps: 50).Select(s => s.PowerW).ToList();
        var second = Fleets.Run(dc, seed: 4, steps: 50).Select(s => s.PowerW).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_study_ramp_halves_every_model_between_2500_and_3000_s()
    {
        var models = Fleets.StudyModels().Select(m => m with
        {
            Ramps = ImmutableArray.Create(new ReplicaRampOptions { StartS = 2500, EndS = 3000, Target = m.InitialReplicas / 2 }),
        }).ToImmutableArray();
        var dc = Fleets.Build(new TraceReplayOptions { CapacityGpus = 7200, Models = models });
        dc.Reset(TestRun.Context(1));
        var before = dc.Step(SimTime.FromSeconds(2500m));
        var middle = dc.Step(SimTime.FromSeconds(2750m));
        var after = dc.Step(SimTime.FromSeconds(3000m));
        Assert.Equal(new[] { 720, 180, 90, 480, 210 }, before.Models.Select(m => m.ActiveReplicas));
        Assert.Equal(new[] { 540, 135, 68, 360, 158 }, middle.Models.Select(m => m.ActiveReplicas));
        Assert.Equal(new[] { 360, 90, 45, 240, 105 }, after.Models.Select(m => m.ActiveReplicas));
    }
}
