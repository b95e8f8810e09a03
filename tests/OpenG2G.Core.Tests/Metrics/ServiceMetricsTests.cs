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

    private static ModelState M(string model, int batch, int replicas, double itlS, double throughput = 0, double powerW = 0,
        ThroughputProvenance source = ThroughputProvenance.Measured) =>
        new(model, batch, replicas, itlS, throughput, powerW, double.NaN, source);

    [Fact]
    public void Hand_computed_throughput_misses_and_power_over_two_sites()
    {
        var acc = new ServiceMetricsAccumulator(Deadlines);
        // Nominal (batch / ITL x replicas):
        // t=0: site1 a: 128/0.05*10 = 25,600 tok/s ; b: 64/0.2*2 = 640 tok/s (miss: 0.2 > 0.10)
        //      site2 a: 32/0.04*1 = 800 tok/s
        // t=1: site1 a: 128/0.1*10 = 12,800 (miss: 0.1 > 0.08) ; b: no replicas (invalid)
        //      site2 a: ITL NaN (invalid)
        // Reported throughput (what the datacenter measured): a 3000 / 2000 at site1, 400 / 400 at site2; b 100 / 0.
        acc.Add(State("site1", 0, 1000, M("a", 128, 10, 0.05, 3000, 900), M("b", 64, 2, 0.2, 100, 300)));
        acc.Add(State("site2", 0, 500, M("a", 32, 1, 0.04, 400, 200)));
        acc.Add(State("site1", 1, 2000, M("a", 128, 10, 0.1, 2000, 1100), M("b", 64, 0, 0.05, 0, 0)));
        acc.Add(State("site2", 1, 500, M("a", 32, 1, double.NaN, 400, 200)));

        ServiceMetrics m = acc.Result();

        // Measured: per site, the mean over its two states, summed over sites: (3100 + 2000) / 2 + (400 + 400) / 2.
        Assert.Equal(2550 + 400, m.MeanThroughputTokensPerS, 9);
        // Nominal: distinct timestamps, 2.
        Assert.Equal((25_600 + 640 + 800 + 12_800) / 2.0, m.NominalThroughputTokensPerS, 9);
        Assert.Equal(4, m.ValidSamples);
        Assert.Equal(2.0 / 4.0, m.ItlDeadlineMissFraction, 12);
        // Power: site1 (3000 + 6000) / 2 W + site2 (1500 + 1500) / 2 W = 6 kW.
        Assert.Equal(6.0, m.MeanPowerKw, 12);
        // Energy: each site's states x its 1 s spacing: (3000+6000)+(1500+1500) W·s = 12,000 J = 1/300 kWh.
        Assert.Equal(12_000 / 3.6e6, m.EnergyKwh, 15);
        // Inference GPUs: site1 (1200 + 1100) / 2 + site2 (200 + 200) / 2 = 1350 W; energy 2700 J.
        Assert.Equal(1.35, m.InferenceMeanPowerKw, 12);
        Assert.Equal(2700 / 3.6e6, m.InferenceEnergyKwh, 15);
        // Tokens 3100 + 2000 + 400 + 400 = 5900 over 1 s each: 2700 J / 5900 tokens.
        Assert.Equal(2700.0 / 5900.0, m.EnergyPerTokenJ, 12);

        ModelServiceMetrics a = m.Models.Single(x => x.Model == "a");
        Assert.Equal(2500 + 400, a.MeanThroughputTokensPerS, 9);
        Assert.Equal((25_600 + 800 + 12_800) / 2.0, a.NominalThroughputTokensPerS, 9);
        Assert.Equal((900 + 200 + 1100 + 200) / (3000.0 + 400 + 2000 + 400), a.EnergyPerTokenJ, 12);
        Assert.Equal((900 + 1100) / 2000.0 + (200 + 200) / 2000.0, a.MeanPowerKw, 12);
        Assert.Equal((0.05 + 0.04 + 0.1) / 3, a.MeanItlS, 12);
        Assert.Equal(1.0 / 3.0, a.ItlDeadlineMissFraction, 12);
        Assert.Equal((128 + 32 + 128 + 32) / 4.0, a.MeanBatchSize, 12);
        ModelServiceMetrics b = m.Models.Single(x => x.Model == "b");
        Assert.Equal(300.0 / 100.0, b.EnergyPerTokenJ, 12);
    }

    [Fact]
    public void Itl_percentiles_interpolate_between_order_statistics_of_the_valid_samples()
    {
        var acc = new ServiceMetricsAccumulator(Deadlines);
        // Valid samples 0.01 ... 0.05 (five), one without replicas that must not count.
        double[] itl = [0.05, 0.01, 0.04, 0.02, 0.03];
        for (int i = 0; i < itl.Length; i++)
            acc.Add(State("s", i, 0, M("a", 8, 1, itl[i])));
        acc.Add(State("s", 5, 0, M("a", 8, 0, 0.9)));

        ModelServiceMetrics a = acc.Result().Models.Single();

        // Sorted 0.01..0.05; rank q (n - 1): p50 at rank 2 = 0.03; p90 at 3.6 = 0.04 + 0.6 x 0.01; p99 at 3.96.
        Assert.Equal(0.03, a.ItlP50S, 12);
        Assert.Equal(0.046, a.ItlP90S, 12);
        Assert.Equal(0.0496, a.ItlP99S, 12);
    }

    [Fact]
    public void The_throughput_source_is_the_least_trustworthy_one_the_model_served_at()
    {
        var acc = new ServiceMetricsAccumulator(Deadlines);
        acc.Add(State("s", 0, 0, M("a", 8, 1, 0.01, 1, 1, ThroughputProvenance.Measured), M("b", 8, 1, 0.01, 1, 1, ThroughputProvenance.Measured)));
        acc.Add(State("s", 1, 0, M("a", 8, 1, 0.01, 1, 1, ThroughputProvenance.Interpolated), M("b", 8, 1, 0.01, 1, 1, ThroughputProvenance.Measured)));
        acc.Add(State("s", 2, 0, M("a", 8, 1, 0.01, 1, 1, ThroughputProvenance.Measured), M("b", 8, 0, 0.01, 1, 1, ThroughputProvenance.Extrapolated)));
        acc.Add(State("s", 3, 0, M("a", 8, 1, 0.01, 1, 1, ThroughputProvenance.Measured), M("b", 8, 1, 0.01, 1, 1, ThroughputProvenance.Measured)));

        ServiceMetrics m = acc.Result();

        ModelServiceMetrics a = m.Models.Single(x => x.Model == "a"), b = m.Models.Single(x => x.Model == "b");
        Assert.Equal(ThroughputProvenance.Interpolated, a.ThroughputSource);
        Assert.Equal(0.75, a.MeasuredThroughputFraction, 12);
        // b's extrapolated sample had no replicas: it served only at measured batch sizes.
        Assert.Equal(ThroughputProvenance.Measured, b.ThroughputSource);
        Assert.Equal(1.0, b.MeasuredThroughputFraction, 12);
    }

    [Fact]
    public void A_model_without_a_deadline_is_an_error_naming_it()
    {
        var acc = new ServiceMetricsAccumulator(Deadlines);
        var ex = Assert.Throws<ArgumentException>(() => acc.Add(State("s", 0, 1, M("zz", 8, 1, 0.01))));
        Assert.Equal("no ITL deadline is known for model 'zz'", ex.Message);
    }
}
