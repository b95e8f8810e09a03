using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Forecasts;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Tests.Forecasts;

/// <summary>Forecast errors: perfect by default, bias and timing shifts as stated, noise fixed per item and seed.</summary>
public class ForecastDistorterTests
{
    private static readonly DatacenterForecast Plan = new("dc", SimTime.Zero, SimTime.FromSeconds(100m),
        ImmutableArray.Create(
            new TrainingJobForecast("a", SimTime.FromSeconds(10m), SimTime.FromSeconds(50m), 8, 2.0, 2.5, ThreePhase.Uniform(1.0 / 3)),
            new TrainingJobForecast("b", SimTime.FromSeconds(20m), SimTime.FromSeconds(60m), 8, 4.0, 5.0, ThreePhase.Uniform(1.0 / 3))),
        ImmutableArray.Create(new ReplicaRampForecast("m", SimTime.FromSeconds(30m), SimTime.FromSeconds(40m), 100, 50)));

    private static readonly GridForecast Profiles = new("grid", SimTime.Zero, SimTime.Zero, TimeSpan.FromSeconds(1),
        ImmutableArray.Create(new AttachmentForecast("pv", "pv", "675",
            ImmutableArray.Create(new ThreePhase(-10, -10, -10), new ThreePhase(-5, -5, -5)),
            ImmutableArray.Create(ThreePhase.Zero, ThreePhase.Zero))),
        ImmutableArray<TapChangeForecast>.Empty);

    [Fact]
    public void A_perfect_forecast_is_returned_unchanged()
    {
        var distorter = new ForecastDistorter(new ForecastError(), 3);

        Assert.Same(Plan, distorter.Apply(Plan));
        Assert.Same(Profiles, distorter.Apply(Profiles));
    }

    [Fact]
    public void Bias_and_timing_shift_every_item_as_stated()
    {
        var distorted = new ForecastDistorter(new ForecastError { PowerBiasFraction = 0.1, TimingBiasS = -2.5 }, 3).Apply(Plan);

        Assert.Equal([2.2, 4.4], distorted.TrainingJobs.Select(j => Math.Round(j.ExpectedPowerKw, 12)));
        Assert.Equal([SimTime.FromSeconds(7.5m), SimTime.FromSeconds(17.5m)], distorted.TrainingJobs.Select(j => j.Start));
        Assert.Equal(SimTime.FromSeconds(47.5m), distorted.TrainingJobs[0].End);
        // A ramp's size (-50 replicas) is a power: 10 % more of it, -55.
        Assert.Equal((45, SimTime.FromSeconds(27.5m)), (distorted.ReplicaRamps[0].ToReplicas, distorted.ReplicaRamps[0].Start));
        var grid = new ForecastDistorter(new ForecastError { PowerBiasFraction = -0.2 }, 3).Apply(Profiles);
        Assert.Equal(-8.0, grid.Attachments[0].PowerKw[0].A, 12);
        Assert.Equal(-4.0, grid.Attachments[0].PowerKw[1].C, 12);
    }

    [Fact]
    public void Noise_is_drawn_once_per_item_and_repeats_with_the_same_seeds()
    {
        var error = new ForecastError { PowerNoiseFraction = 0.2, TimingNoiseS = 5, NoiseSeed = 4 };
        var first = new ForecastDistorter(error, 11);
        var a1 = first.Apply(Plan);
        var a2 = first.Apply(Plan);
        var again = new ForecastDistorter(error, 11).Apply(Plan);
        var otherSeed = new ForecastDistorter(error with { NoiseSeed = 5 }, 11).Apply(Plan);

        Assert.Equal(a1.TrainingJobs.ToArray(), a2.TrainingJobs.ToArray());
        Assert.Equal(a1.ReplicaRamps.ToArray(), a2.ReplicaRamps.ToArray());
        Assert.Equal(a1.TrainingJobs.ToArray(), again.TrainingJobs.ToArray());
        Assert.NotEqual(a1.TrainingJobs[0].ExpectedPowerKw, otherSeed.TrainingJobs[0].ExpectedPowerKw);
        // The two jobs are different items: different errors.
        Assert.NotEqual(a1.TrainingJobs[0].ExpectedPowerKw / 2.0, a1.TrainingJobs[1].ExpectedPowerKw / 4.0, 9);
        // Timing and power of one item move together: the job keeps its length.
        Assert.Equal(Plan.TrainingJobs[0].End - Plan.TrainingJobs[0].Start, a1.TrainingJobs[0].End - a1.TrainingJobs[0].Start);
    }

    [Fact]
    public void Out_of_range_errors_are_reported_with_their_keys()
    {
        var problems = new ForecastError { PowerBiasFraction = -1, PowerNoiseFraction = -0.1, TimingNoiseS = double.NaN }.Validate().ToList();

        Assert.Equal(
            ["power_bias_fraction: must be finite and > -1, got -1", "power_noise_fraction: must be finite and >= 0, got -0.1", "timing_noise_s: must be finite and >= 0, got NaN"],
            problems.Select(p => $"{p.Path}: {p.Message}"));
    }
}
