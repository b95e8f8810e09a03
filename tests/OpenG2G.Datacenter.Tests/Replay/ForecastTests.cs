using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;

namespace OpenG2G.Datacenter.Tests.Replay;

/// <summary>
/// The datacenter's forecast against what it then does: a training job's announced window and
/// mean power against the replayed training power, a ramp's announced counts against the replicas
/// reported step by step.
/// </summary>
public class ForecastTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static TraceReplayOptions Site(double peakWPerGpu = 272) => new()
    {
        CapacityGpus = 96,
        Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-8B", 1, 0.08, 40) with
        {
            Ramps = ImmutableArray.Create(new ReplicaRampOptions { StartS = 20, EndS = 30, Target = 13 }),
        }),
        Training = ImmutableArray.Create(new TrainingJobOptions { Name = "job", Gpus = 48, StartS = 10, EndS = 1400, PeakWPerGpu = peakWPerGpu }),
        NoiseFraction = 0,
    };

    [Fact]
    public void A_training_job_is_announced_with_its_window_and_the_mean_power_it_then_draws()
    {
        // The profile is sampled every 0.1 s, the datacenter's period: one step per sample.
        var profile = TestRun.Library.TrainingProfile("llm-training-synthetic")!;
        Assert.Equal(Fleets.Period.TotalSeconds, profile.SamplePeriodS, 12);
        var dc = Fleets.Build(Site());
        var states = Fleets.Run(dc, 1, 14_100);
        dc.Reset(TestRun.Context(1));
        DatacenterForecast forecast = dc.Forecast(SimTime.Zero, SimTime.FromSeconds(60m));

        TrainingJobForecast job = Assert.Single(forecast.TrainingJobs);
        Assert.Equal(("job", SimTime.FromSeconds(10m), SimTime.FromSeconds(1400m), 48), (job.Name, job.Start, job.End, job.Gpus));
        Assert.Equal(ThreePhase(1.0 / 3), job.PhaseShare);
        Assert.True(double.IsNaN(job.PowerCapW));
        // Replayed training power: zero outside the window; over a whole steady loop its mean is the announced mean.
        Assert.All(states.Where(s => s.Time < job.Start || s.Time >= job.End), s => Assert.Equal(0.0, s.TrainingPowerW));
        int warmup = profile.Warmup.Length, loop = profile.Steady.Length;
        var steady = states.Skip(100 + warmup).Take(loop).Select(s => s.TrainingPowerW / 1000.0).ToList();
        Assert.Equal(loop, steady.Count);
        Assert.Equal(job.ExpectedPowerKw, steady.Average(), 9);
        Assert.Equal(job.PeakPowerKw, states.Max(s => s.TrainingPowerW) / 1000.0, 9);
        // Over the warm-up the announced ramp follows the replayed power: both rise from the first
        // sample's power, and over each 10 s of the ramp their means agree to 3 %.
        Assert.Equal(warmup * profile.SamplePeriodS, job.RampUpS, 9);
        Assert.Equal(states[100].TrainingPowerW / 1000.0, job.InitialPowerKw, 9);
        for (int from = 100; from < 100 + warmup; from += 100)
        {
            var window = states.Skip(from).Take(100).ToList();
            double replayed = window.Average(s => s.TrainingPowerW / 1000.0);
            double announced = window.Average(s => job.ExpectedPowerKwAt(s.Time));
            Assert.True(Math.Abs(replayed / announced - 1) < 0.03, $"{from / 10} s: replayed {replayed:F2} kW, announced {announced:F2} kW");
        }
    }

    [Fact]
    public void A_replica_ramp_is_announced_with_the_counts_the_site_then_reports()
    {
        var dc = Fleets.Build(Site());
        var states = Fleets.Run(dc, 2, 400);
        dc.Reset(TestRun.Context(2));
        DatacenterForecast forecast = dc.Forecast(SimTime.FromSeconds(5m), SimTime.FromSeconds(25m));

        ReplicaRampForecast ramp = Assert.Single(forecast.ReplicaRamps);
        Assert.Equal(("Llama-3.1-8B", 40, 13), (ramp.Model, ramp.FromReplicas, ramp.ToReplicas));
        foreach (var s in states)
        {
            Assert.Equal(s.Models[0].ActiveReplicas, ramp.ReplicasAt(s.Time));
            Assert.Equal(s.Models[0].ActiveReplicas - 40, forecast.ReplicaChange("Llama-3.1-8B", SimTime.Zero, s.Time));
        }
    }

    [Fact]
    public void Only_what_is_under_way_or_starts_in_the_window_is_announced()
    {
        var dc = Fleets.Build(Site());
        dc.Reset(TestRun.Context(1));

        Assert.Empty(dc.Forecast(SimTime.Zero, SimTime.FromSeconds(10m)).TrainingJobs);
        Assert.Single(dc.Forecast(SimTime.Zero, SimTime.FromSeconds(10.1m)).TrainingJobs);
        Assert.Single(dc.Forecast(SimTime.FromSeconds(1399m), SimTime.FromSeconds(1500m)).TrainingJobs);
        Assert.Empty(dc.Forecast(SimTime.FromSeconds(1400m), SimTime.FromSeconds(1500m)).TrainingJobs);
        Assert.Empty(dc.Forecast(SimTime.FromSeconds(31m), SimTime.FromSeconds(500m)).ReplicaRamps);
        var forecast = dc.Forecast(SimTime.FromSeconds(12m), SimTime.FromSeconds(13m));
        var job = forecast.TrainingJobs[0];
        Assert.Equal(ThreePhase(job.ExpectedPowerKwAt(SimTime.FromSeconds(12m)) / 3), forecast.TrainingPowerKwAt(SimTime.FromSeconds(12m)));
        Assert.Equal(job.InitialPowerKw + (job.ExpectedPowerKw - job.InitialPowerKw) * 2 / job.RampUpS, job.ExpectedPowerKwAt(SimTime.FromSeconds(12m)), 12);
        Assert.Equal(job.ExpectedPowerKw, job.ExpectedPowerKwAt(SimTime.FromSeconds(100m)));
        Assert.Equal(OpenG2G.Core.States.ThreePhase.Zero, forecast.TrainingPowerKwAt(SimTime.FromSeconds(1401m)));
    }

    [Fact]
    public void A_capped_job_is_announced_at_the_measured_power_of_the_cap_in_force()
    {
        var response = TestRun.Library.PowerCap("perseus/gpt3-xl/A100/b1024")!;
        var dc = Fleets.Build(new TraceReplayOptions
        {
            CapacityGpus = 8,
            GpuType = "A100",
            Training = ImmutableArray.Create(new TrainingJobOptions { Name = "gpt", Gpus = 4, StartS = 0, EndS = 100, PowerCapResponse = response.Id }),
        });
        dc.Reset(TestRun.Context(1));
        dc.Apply(new OpenG2G.Core.Commands.SetPowerCap("dc", "gpt", 200), SimTime.Zero);

        var job = dc.Forecast(SimTime.Zero, SimTime.FromSeconds(1m)).TrainingJobs.Single();

        Assert.Equal(4 * response.PowerPerGpuW(200).Value / 1000.0, job.ExpectedPowerKw, 12);
        Assert.Equal(200, job.PowerCapW);
    }

    private static OpenG2G.Core.States.ThreePhase ThreePhase(double v) => OpenG2G.Core.States.ThreePhase.Uniform(v);
}
