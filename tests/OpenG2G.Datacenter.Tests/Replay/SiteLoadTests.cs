using System.Collections.Immutable;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;

namespace OpenG2G.Datacenter.Tests.Replay;

/// <summary>Idle power, base load, facility overhead and training jobs.</summary>
public class SiteLoadTests
{
    [Fact]
    public void Unused_gpus_of_a_serving_server_draw_idle_power_and_pue_scales_the_it_load()
    {
        var dc = Fleets.Build(new TraceReplayOptions
        {
            CapacityGpus = 16,
            IdlePowerWPerGpu = 60,
            BaseLoadKwPerPhase = 2,
            FacilityOverhead = new FacilityOverheadOptions { Pue = 1.5 },
            Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-8B", 1, 0.08, 5)),
        });
        var s = Fleets.Run(dc, seed: 2, steps: 1)[0];
        // 5 replicas fill one server of 8: 3 idle GPUs on that server's phase; the other server is off.
        double it = s.Models[0].PowerW + 3 * 60 + 3 * 2000;
        Assert.Equal(1.5 * it, s.PowerW.Total, 6);
    }

    [Fact]
    public void With_all_servers_on_every_unused_gpu_draws_idle_power()
    {
        var dc = Fleets.Build(new TraceReplayOptions
        {
            CapacityGpus = 24,
            PoweredOnServers = PoweredOnServers.All,
            Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-8B", 1, 0.08, 5)),
        });
        var s = Fleets.Run(dc, seed: 2, steps: 1)[0];
        Assert.Equal(s.Models[0].PowerW + 19 * 70.0, s.PowerW.Total, 6); // library default for H100: 70 W (assumed)
    }

    [Fact]
    public void The_overhead_lags_it_power_with_the_cooling_time_constant()
    {
        var options = new TraceReplayOptions
        {
            CapacityGpus = 8,
            IdlePowerWPerGpu = 0,
            NoiseFraction = 0,
            FacilityOverhead = new FacilityOverheadOptions { Pue = 2.0, CoolingTimeConstantS = 1.0 },
            Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-8B", 1, 0.08, 0) with
            {
                Ramps = ImmutableArray.Create(new ReplicaRampOptions { StartS = 0.1, EndS = 0.1, Target = 8 }),
            }),
        };
        var states = Fleets.Run(Fleets.Build(options), seed: 1, steps: 3);
        Assert.Equal(0.0, states[0].PowerW.Total);
        double it1 = states[1].Models[0].PowerW;
        Assert.Equal(it1 * (1 + (1 - Math.Exp(-0.1))), states[1].PowerW.Total, 6);
    }

    [Fact]
    public void The_study_training_job_draws_its_profile_times_the_peak_only_in_its_window()
    {
        var dc = Fleets.Build(new TraceReplayOptions
        {
            CapacityGpus = 7200,
            Models = Fleets.StudyModels(),
            Training = ImmutableArray.Create(new TrainingJobOptions { Gpus = 2400, StartS = 1000, EndS = 2000, PeakWPerGpu = 400 }),
        });
        dc.Reset(TestRun.Context(1));
        Assert.Equal(0.0, dc.Step(SimTime.FromSeconds(999.9m)).TrainingPowerW);
        Assert.Equal(0.0, dc.Step(SimTime.FromSeconds(2000m)).TrainingPowerW);
        var profile = TestRun.Library.TrainingProfile("llm-training-synthetic")!;
        // One full steady loop after the warm-up: mean = 2400 GPUs x 400 W x steady mean fraction.
        double sum = 0;
        for (int k = 0; k < profile.Steady.Length; k++)
            sum += dc.Step(SimTime.FromSeconds(1000m + 60m) + TimeSpan.FromTicks(k * Fleets.Period.Ticks)).TrainingPowerW;
        Assert.Equal(2400 * 400 * profile.SteadyMeanFraction, sum / profile.Steady.Length, 0);
    }

    [Fact]
    public void A_power_capped_job_reproduces_the_measured_power_and_throughput_at_every_limit()
    {
        var library = TestRun.Library;
        var response = library.PowerCap("perseus/gpt3-xl/A100/b1024")!;
        var profile = library.TrainingProfile("llm-training-synthetic")!;
        foreach (var point in response.Points)
        {
            var dc = Fleets.Build(new TraceReplayOptions
            {
                CapacityGpus = 8,
                GpuType = "A100",
                Training = ImmutableArray.Create(new TrainingJobOptions
                {
                    Name = "gpt", Gpus = 4, StartS = 0, EndS = 10_000, PowerCapResponse = response.Id, PowerCapW = point.PowerLimitW,
                }),
            });
            Assert.Equal(point.PowerPerGpuW, dc.CappableWorkloads[0].PowerPerGpuW(point.PowerLimitW).Value, 9);
            Assert.Equal(response.Points[^1].TimePerUnitS / point.TimePerUnitS, dc.CappableWorkloads[0].ThroughputFraction(point.PowerLimitW).Value, 9);
            dc.Reset(TestRun.Context(1));
            double sum = 0;
            for (int k = 0; k < profile.Steady.Length; k++)
                sum += dc.Step(new SimTime((profile.Warmup.Length + k) * Fleets.Period.Ticks)).TrainingPowerW;
            Assert.Equal(4 * point.PowerPerGpuW, sum / profile.Steady.Length, 3);
        }
    }

    [Fact]
    public void Power_cap_commands_move_a_capped_job_and_reject_caps_outside_the_measured_range()
    {
        var dc = Fleets.Build(new TraceReplayOptions
        {
            CapacityGpus = 8,
            GpuType = "A100",
            Training = ImmutableArray.Create(new TrainingJobOptions { Name = "gpt", Gpus = 4, StartS = 0, EndS = 100, PowerCapResponse = "perseus/gpt3-xl/A100/b1024" }),
        });
        dc.Reset(TestRun.Context(1));
        var t = SimTime.FromSeconds(70m);
        double uncapped = dc.Step(t).TrainingPowerW;
        dc.Apply(new OpenG2G.Core.Commands.SetPowerCap("dc", "gpt", 200), t);
        double capped = dc.Step(t).TrainingPowerW;
        var response = TestRun.Library.PowerCap("perseus/gpt3-xl/A100/b1024")!;
        Assert.Equal(response.PowerPerGpuW(200).Value / response.Points[^1].PowerPerGpuW, capped / uncapped, 9);
        var e = Assert.Throws<ArgumentException>(() => dc.Apply(new OpenG2G.Core.Commands.SetPowerCap("dc", "gpt", 120), t));
        Assert.Equal("power cap 120 W is outside the measured range 175-300 W of 'perseus/gpt3-xl/A100/b1024'", e.Message);
    }
}
