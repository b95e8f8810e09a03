using System.Numerics;
using BenchmarkDotNet.Attributes;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Benchmarks.Sparse;

/// <summary>
/// Sparse LU on synthetic radial three-phase feeders of 50, 300 and 3000 buses (150, 900, 9000
/// nodes). Run: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*SparseLu*'</c>.
/// Solve timings include copying the right-hand side into the work vector (a few microseconds at 9000 nodes).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 25)]
public class SparseLuBenchmarks
{
    private SyntheticFeeder _feeder = null!;
    private SparseLu _lu = null!;
    private Complex[] _work = [];

    [Params(50, 300, 3000)]
    public int Buses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _feeder = SyntheticFeeder.Build(Buses, seed: 2024);
        _lu = SparseLu.Analyze(_feeder.Pattern);
        _lu.Factor(_feeder.Values);
        _work = new Complex[_feeder.Pattern.Size];
    }

    [Benchmark]
    public SparseLu Analyze() => SparseLu.Analyze(_feeder.Pattern);

    [Benchmark]
    public void Factor() => _lu.Factor(_feeder.Values);

    [Benchmark]
    public void Refactor() => _lu.Refactor(_feeder.Values);

    [Benchmark]
    public Complex Solve()
    {
        _feeder.Injections.CopyTo(_work, 0);
        _lu.Solve(_work);
        return _work[^1];
    }

    [Benchmark]
    public Complex SolveTransposed()
    {
        _feeder.Injections.CopyTo(_work, 0);
        _lu.SolveTransposed(_work);
        return _work[^1];
    }
}
