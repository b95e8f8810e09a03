using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Running;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Mpc;

/// <summary>
/// What the MPC costs in a whole study: the simulation alone (kernel, grid, datacenters, controllers,
/// metric accumulators; no files) of the shipped 3600 s scenarios with the MPC and with OFO, so that
/// (mpc - ofo) / 3600 is the MPC's mean step time less OFO's, over every step of the study.
/// Run: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*MpcRunBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MpcRunBenchmarks
{
    private BuiltScenario _built = null!;

    [Params("ieee13/ofo", "ieee13/mpc", "ieee34/ofo", "ieee34/mpc")]
    public string Scenario { get; set; } = "ieee13/mpc";

    [GlobalSetup]
    public void Setup() =>
        _built = ScenarioRunner.Prepare(Path.Combine(SharedData.RepositoryRoot, "scenarios", Scenario + ".yaml"));

    [Benchmark]
    public double SimulationOnly()
    {
        var voltage = new VoltageMetricsAccumulator(VoltageBand.Default, _built.ExcludedBuses, 0.1);
        var simulation = new Simulation(_built.Setup, [voltage, new ServiceMetricsAccumulator(_built.ItlDeadlinesS)]);
        simulation.Run(0);
        return voltage.Result().IntegralViolationPuS;
    }
}
