using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Benchmarks.Scenarios;

/// <summary>
/// Streaming results to Parquet: 1,000 grid snapshots of an IEEE 13-sized feeder (41 bus-phases) into
/// <c>bus_voltages.parquet</c> (41,000 rows), and 1,000 five-model datacenter states into
/// <c>datacenter_power</c> + <c>datacenter_models</c> (6,000 rows). Times are per row
/// (<c>OperationsPerInvoke</c>), so rows/s = 1 / mean. Includes creating and closing the files.
/// Run: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*ResultsWriter*'</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ResultsWriterBenchmarks
{
    private const int Snapshots = 1000;
    private const int Nodes = 41;
    private GridState[] _grid = [];
    private DatacenterState[] _datacenter = [];
    private string _directory = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "openg2g-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var nodes = new BusPhaseIndex(Enumerable.Range(0, Nodes).Select(i => new BusPhase("bus" + (i / 3), i % 3 + 1)));
        var random = new Random(1);
        _grid = Enumerable.Range(0, Snapshots).Select(t => new GridState
        {
            Time = new SimTime(t * 1_000_000L),
            Nodes = nodes,
            VoltagePu = Enumerable.Range(0, Nodes).Select(_ => 0.95 + 0.1 * random.NextDouble()).ToImmutableArray(),
            VoltageAngleDeg = Enumerable.Range(0, Nodes).Select(_ => -120 * random.NextDouble()).ToImmutableArray(),
        }).ToArray();
        string[] models = ["Llama-3.1-8B", "Llama-3.1-70B", "Llama-3.1-405B", "Qwen3-30B-A3B", "Qwen3-235B-A22B"];
        _datacenter = Enumerable.Range(0, Snapshots).Select(t => new DatacenterState(
            new SimTime(t * 1_000_000L), "dc", new ThreePhase(1.2e6, 1.3e6, 1.25e6),
            models.Select(m => new ModelState(m, 128, 100, 0.03 + 0.01 * random.NextDouble(), 4e5, 3e5, double.NaN)).ToImmutableArray())).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(OperationsPerInvoke = Snapshots * Nodes)]
    public void BusVoltageRows()
    {
        using var writer = new BusVoltageWriter(_directory, 65536);
        foreach (GridState s in _grid)
            writer.OnGridState(s);
    }

    [Benchmark(OperationsPerInvoke = Snapshots * 6)]
    public void DatacenterRows()
    {
        using var writer = new DatacenterWriter(_directory, 65536);
        foreach (DatacenterState s in _datacenter)
            writer.OnDatacenterState(s);
    }
}
