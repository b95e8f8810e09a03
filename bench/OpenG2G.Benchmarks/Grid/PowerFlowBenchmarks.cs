using BenchmarkDotNet.Attributes;
using OpenG2G.Core.Composition;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Grid;

/// <summary>
/// Power-flow cost per feeder (IEEE 13, 34, 123 reference copies; regulators off, tolerance 1e-4):
/// reading and the first (cold) solve, a re-solve after a small load change (triangular solves
/// only), a re-solve after one tap step (re-factorisation), and the voltage sensitivities of a
/// three-phase attachment. Run:
/// <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*PowerFlow*'</c>.
/// </summary>
[MemoryDiagnoser]
public class PowerFlowBenchmarks
{
    private Feeder _feeder = null!;
    private int _branch;
    private int[] _attachment = [];
    private double _watts;
    private bool _flip;

    [Params("ieee13", "ieee34", "ieee123")]
    public string FeederName { get; set; } = "ieee13";

    private string Path => SharedData.PathOf(FeederName switch
    {
        "ieee13" => "feeders/ieee13/IEEE13Bus.dss",
        "ieee34" => "feeders/ieee34/IEEE34Bus.dss",
        _ => "feeders/ieee123/IEEE123Bus.dss",
    });

    private string AttachBus => FeederName switch
    {
        "ieee13" => "671",
        "ieee34" => "834",
        _ => "60",
    };

    [GlobalSetup]
    public void Setup()
    {
        _feeder = Feeder.Load(Path, [AttachedLoad.ThreePhase("dc", AttachBus, LoadConnection.Wye)]);
        _feeder.ControlMode = ControlMode.Off;
        _attachment = _feeder.AttachmentBranches("dc").ToArray();
        foreach (int b in _attachment)
            _feeder.SetAttachmentPower(b, 100_000, 30_000);
        _feeder.Solve();
        _branch = _attachment[0];
        _watts = 100_000;
    }

    [Benchmark(Description = "read + first solve")]
    public int LoadAndFirstSolve()
    {
        var f = Feeder.Load(Path);
        f.ControlMode = ControlMode.Off;
        return f.SolveVoltages().Iterations;
    }

    [Benchmark(Description = "re-solve after small load change")]
    public int ResolveAfterLoadChange()
    {
        _flip = !_flip;
        _feeder.SetAttachmentPower(_branch, _watts * (_flip ? 1.0001 : 1.0), 30_000);
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

    [Benchmark(Description = "sensitivities of a 3-phase attachment")]
    public double Sensitivities() => _feeder.Sensitivities(_attachment).DvDpPuPerKw[0];
}
