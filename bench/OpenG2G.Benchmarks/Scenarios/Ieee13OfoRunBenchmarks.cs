using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OpenG2G.Core.Kernel;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Running;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Scenarios;

/// <summary>
/// The shipped scenario end to end: <c>scenarios/ieee13/ofo.yaml</c>, 3600 s with grid and datacenter
/// at 0.1 s and OFO at 1 s (36,000 solves). <see cref="FullRun"/> is what <c>openg2g run --no-plots</c>
/// does (load, build, simulate, stream every Parquet file, summary); <see cref="SimulationOnly"/> runs the
/// already-built components through the kernel with the metric accumulators and no files;
/// <see cref="Prepare"/> is loading and building alone (YAML, trace library, feeder);
/// <see cref="FullRunWithoutBusVoltages"/> skips the largest file (every bus-phase of every solve).
/// Target: under 2 s wall for the full run.
/// Run: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*Ieee13OfoRun*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class Ieee13OfoRunBenchmarks
{
    private string _scenario = string.Empty;
    private string _output = string.Empty;
    private BuiltScenario _built = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Path.Combine(SharedData.RepositoryRoot, "scenarios", "ieee13", "ofo.yaml");
        _output = Path.Combine(Path.GetTempPath(), "openg2g-bench-run-" + Guid.NewGuid().ToString("N"));
        _built = ScenarioRunner.Prepare(_scenario);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_output))
            Directory.Delete(_output, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public double FullRun() =>
        ScenarioRunner.Run(new RunRequest { ScenarioPath = _scenario, OutputDirectory = _output, Plots = false }).Summary.Voltage.IntegralViolationPuS;

    [Benchmark]
    public int Prepare() => ScenarioRunner.Prepare(_scenario).Setup.Datacenters.Length;

    [Benchmark]
    public double FullRunWithoutBusVoltages() =>
        ScenarioRunner.Run(new RunRequest { ScenarioPath = _scenario, OutputDirectory = _output, Plots = false, Overrides = ["outputs.bus_voltages=false"] })
            .Summary.Voltage.IntegralViolationPuS;

    [Benchmark]
    public double SimulationOnly()
    {
        var voltage = new OpenG2G.Core.Metrics.VoltageMetricsAccumulator(OpenG2G.Core.Metrics.VoltageBand.Default, _built.ExcludedBuses, 0.1);
        var simulation = new Simulation(_built.Setup, [voltage, new OpenG2G.Core.Metrics.ServiceMetricsAccumulator(_built.ItlDeadlinesS)]);
        simulation.Run(0);
        return voltage.Result().IntegralViolationPuS;
    }
}
