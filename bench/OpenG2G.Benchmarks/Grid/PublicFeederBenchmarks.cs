using BenchmarkDotNet.Attributes;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Grid;

/// <summary>
/// The IEEE 8500-node feeder (and EPRI ckt24, 7,522 nodes) from ../shared/feeders-extra, regulators
/// held, tolerance 1e-4: the first solve after loading (factorisation with pivoting and the cold
/// start included), a re-solve after a small change of one load, and a re-solve after one regulator
/// tap step (re-factorisation). OpenDSS takes about 9 ms, 0.58 ms and 5.5 ms for these on one core
/// of this kind of machine. Run:
/// <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*PublicFeeder*'</c>.
/// </summary>
[MemoryDiagnoser]
public class PublicFeederBenchmarks
{
    private Feeder _feeder = null!;
    private Feeder _fresh = null!;
    private (double Watts, double Vars) _load;
    private bool _flip;

    [Params("ieee8500", "ckt24")]
    public string FeederName { get; set; } = "ieee8500";

    private string Path => SharedData.PathOf(FeederName switch
    {
        "ieee8500" => "feeders-extra/ieee8500/Master.dss",
        _ => "feeders-extra/epri_ckt24/master_ckt24.dss",
    });

    [GlobalSetup]
    public void Setup()
    {
        _feeder = Open();
        _feeder.SolveVoltages();
        var b = _feeder.Network.LoadBranches[0];
        _load = (b.Watts, b.Vars);
    }

    private Feeder Open()
    {
        var f = Feeder.Load(Path);
        f.ControlMode = ControlMode.Off;
        f.MaxIterations = 100;
        f.ResetSolution();
        return f;
    }

    [IterationSetup(Target = nameof(FirstSolveAfterLoad))]
    public void LoadFresh() => _fresh = Open();

    [Benchmark(Description = "first solve after load")]
    [InvocationCount(1)]
    public int FirstSolveAfterLoad() => _fresh.SolveVoltages().Iterations;

    [Benchmark(Description = "re-solve after small load change")]
    public int ResolveAfterLoadChange()
    {
        _flip = !_flip;
        double k = _flip ? 1.0001 : 1.0;
        _feeder.SetAttachmentPower(0, _load.Watts * k, _load.Vars * k);
        return _feeder.SolveVoltages().Iterations;
    }

    [Benchmark(Description = "re-solve after one tap step")]
    public int ResolveAfterTapChange()
    {
        _flip = !_flip;
        var reg = _feeder.Regulators[0];
        _feeder.SetTap(reg, _flip ? 1.0 + reg.TapIncrement : 1.0);
        return _feeder.SolveVoltages().Iterations;
    }
}
