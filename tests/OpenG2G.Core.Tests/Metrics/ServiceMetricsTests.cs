using System.Collections.Immutable;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Tests.Metrics;

public class ServiceMetricsTests
{
    private static readonly Dictionary<string, double> Deadlines = new() { ["a"] = 0.08, ["b"] = 0.10 };

    private static DatacenterState State(string site, decimal t, double powerPerPhaseW, params ModelState[] models) =>
        new(SimTime.FromSeconds(t), site, ThreePhase.Uniform(powerPerPhaseW), models.ToImmutableArray());

    private static ModelState M(string model, int batch, int replicas, double itlS) =>
        new(model, batch, replicas, itlS, double.NaN, 0, double.NaN);

    [Fact]
    public void Hand_computed_throughput_misses_and_power_over_two_sites()
    {
        var acc = new ServiceMetricsAccumulator(Deadlines);
        // t=0: site1 a: 128/0.05*10 = 25,600 tok/s ; b: 64/0.2*2 = 640 tok/s (miss: 0.2 > 0.10)
        //      site2 a: 32/0.04*1 = 800 tok/s
        // t=1: site1 a: 128/0.1*10 = 12,800 (miss: 0.1 > 0.08) ; b: no replicas (invalid)
        //      site2 a: ITL NaN (invalid)
        acc.Add(State("site1", 0, 1000, M("a", 128, 10, 0.05), M("b", 64, 2, 0.2)));
        acc.Add(State("site2", 0, 500, M("a", 32, 1, 0.04)));
        acc.Add(State("site1", 1, 2000, M("a", 128, 10, 0.1), M("b", 64, 0, 0.05)));
        acc.Add(State("site2", 1, 500, M("a", 32, 1, double.NaN)));

        ServiceMetrics m = acc.Result();

        // Distinct timestamps: 2.
        Assert.Equal((25_600 + 640 + 800 + 12_800) / 2.0, m.MeanThroughputTokensPerS, 9);
        Assert.Equal(4, m.ValidSamples);
        Assert.Equal(2.0 / 4.0, m.ItlDeadlineMissFraction, 12);
        // Power: (3000 + 1500 + 6000 + 1500) W over 2 timestamps = 6 kW.
        Assert.Equal(6.0, m.MeanPowerKw, 12);
        // Energy: each site's states x its 1 s spacing: (3000+6000)+(1500+1500) W·s = 12,000 J = 1/300 kWh.
        Assert.Equal(12_000 / 3.6e6, m.EnergyKwh, 15);

        ModelServiceMetrics a = m.Models.Single(x => x.Model == "a");
        Assert.Equal((25_600 + 800 + 12_800) / 2.0, a.MeanThroughputTokensPerS, 9);
        Assert.Equal((0.05 + 0.04 + 0.1) / 3, a.MeanItlS, 12);
        Assert.Equal(1.0 / 3.0, a.ItlDeadlineMissFraction, 12);
        Assert.Equal((128 + 32 + 128 + 32) / 4.0, a.MeanBatchSize, 12);
    }

    [Fact]
    public void A_model_without_a_deadline_is_an_error_naming_it()
    {
        var acc = new ServiceMetricsAccumulator(Deadlines);
        var ex = Assert.Throws<ArgumentException>(() => acc.Add(State("s", 0, 1, M("zz", 8, 1, 0.01))));
        Assert.Equal("no ITL deadline is known for model 'zz'", ex.Message);
    }
}
