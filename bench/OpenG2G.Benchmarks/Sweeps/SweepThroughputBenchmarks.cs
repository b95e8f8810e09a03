using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OpenG2G.Scenarios.Sweeps;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Sweeps;

/// <summary>
/// A 200-run sweep of one-hour IEEE 13 OFO studies (<c>bench/OpenG2G.Benchmarks/Sweeps/ieee13-200.yaml</c>: 36,000
/// solves each, summary rows only) on 1 and 2 workers, from expansion to the last row on disk. Targets (issue 13):
/// under 5 minutes with 2 workers, and 2 workers at least 1.8x the runs per minute of 1.
/// Run: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*SweepThroughput*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class SweepThroughputBenchmarks
{
    private SweepPlan _plan = null!;

    [Params(1, 2)]
    public int Workers { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _plan = SweepLoader.Load(Path.Combine(SharedData.RepositoryRoot, "bench", "OpenG2G.Benchmarks", "Sweeps", "ieee13-200.yaml"));

    [Benchmark]
    public int Sweep200()
    {
        string dir = Path.Combine(Path.GetTempPath(), "openg2g-bench-sweep-" + Guid.NewGuid().ToString("N"));
        try
        {
            return SweepRunner.Run(_plan, new SweepRunner.Options { OutputDirectory = dir, Workers = Workers }).Done;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
