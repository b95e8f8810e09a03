using System.Collections.Immutable;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Tests.Metrics;

public class TrainingMetricsTests
{
    private static readonly TrainingJobInfo Capped = new("train", 100, "H100", 1, 3, "perseus/gpt3-xl/A100/b1024", "A100");
    private static readonly TrainingJobInfo Plain = new("other", 10, "H100", 0, 10, null, null);

    private static DatacenterState State(decimal t, params TrainingJobState[] jobs) =>
        new(SimTime.FromSeconds(t), "dc", ThreePhase.Zero, ImmutableArray<ModelState>.Empty) { Training = jobs.ToImmutableArray() };

    [Fact]
    public void Work_done_is_gpus_times_throughput_fraction_times_time_while_running()
    {
        var acc = new TrainingMetricsAccumulator();
        // 1 s steps. "train" runs at t = 1 and 2: fraction 1.0 at 300 W cap, then 0.5 at 175 W cap.
        acc.Add(State(0, new TrainingJobState(Capped, false, 0, 300, double.NaN), new TrainingJobState(Plain, true, 2000, double.NaN, 1)));
        acc.Add(State(1, new TrainingJobState(Capped, true, 30_000, 300, 1.0), new TrainingJobState(Plain, true, 2000, double.NaN, 1)));
        acc.Add(State(2, new TrainingJobState(Capped, true, 18_000, 175, 0.5), new TrainingJobState(Plain, true, 2000, double.NaN, 1)));
        acc.Add(State(3, new TrainingJobState(Capped, false, 0, 175, double.NaN), new TrainingJobState(Plain, true, 2000, double.NaN, 1)));

        TrainingMetrics m = acc.Result();

        TrainingJobMetrics train = m.Jobs.Single(j => j.Job == "train"), other = m.Jobs.Single(j => j.Job == "other");
        Assert.Equal(2.0, train.RunningTimeS, 12);
        Assert.Equal(0.75, train.MeanThroughputFraction, 12);
        Assert.Equal(100 * 1.5 / 3600, train.GpuHoursWork, 12);
        Assert.Equal(100 * 2.0 / 3600, train.GpuHoursUncapped, 12);
        Assert.Equal(24.0, train.MeanPowerKw, 12);
        Assert.Equal(48_000 / 3.6e6, train.EnergyKwh, 15);
        Assert.Equal(175, train.MinPowerCapW);
        Assert.True(train.BorrowsPowerCapCurve);
        Assert.Equal("A100", train.PowerCapCurveGpu);
        Assert.Equal(double.NaN, other.MinPowerCapW);
        Assert.False(other.BorrowsPowerCapCurve);
        // Over both jobs: (150 + 40) / (200 + 40) GPU·s.
        Assert.Equal(190.0 / 240.0, m.MeanThroughputFraction, 12);
        Assert.Equal((48_000 + 8000) / 3.6e6, m.EnergyKwh, 15);
    }

    [Fact]
    public void Without_training_the_fraction_is_undefined()
    {
        var acc = new TrainingMetricsAccumulator();
        acc.Add(State(0));
        Assert.Equal(double.NaN, acc.Result().MeanThroughputFraction);
        Assert.Empty(acc.Result().Jobs);
    }
}
