using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OpenG2G.Controllers.Ofo;
using OpenG2G.Controllers.Pid;
using OpenG2G.Controllers.RuleBased;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Events;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Benchmarks.Controllers;

/// <summary>
/// Cost of one controller step at IEEE 13 size: a 14-bus, 42 bus-phase linear feeder (sourcebus
/// excluded) and the five-model fleet of the published study, under undervoltage so that every term of
/// each controller is exercised. The inputs are fixed; the controllers' internal state keeps evolving.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ControllerStepBenchmarks
{
    private ControllerInputs _inputs = null!;
    private OfoController _ofo = null!;
    private RuleBasedController _ruleBased = null!;
    private PidController _pid = null!;
    private long _step;

    [GlobalSetup]
    public void Setup()
    {
        TimeSpan tenth = TimeBase.Duration(0.1m, "period");
        var feeder = new ChainFeeder(14, 1.0, 3.3e-6);
        LinearGrid grid = feeder.Build("grid", tenth);
        var dc = new FakeBatchDatacenter("dc", tenth, FakeModelSpec.Ieee13Fleet());
        feeder.AttachDatacenter(grid, "dc", 13, 0.95);
        var run = new RunContext(1, new NoEvents(), new NoScheduler());
        dc.Reset(run);
        grid.Reset(run);
        DatacenterState dcState = dc.Step(SimTime.Zero);
        GridState gridState = grid.Step(SimTime.Zero, new[] { dcState });
        _inputs = new ControllerInputs(ImmutableArray.Create(gridState), gridState, ImmutableArray.Create(dcState),
            ImmutableDictionary<string, DatacenterState>.Empty.Add("dc", dcState));

        var context = new ControllerBuildContext("c", TimeBase.Duration(1m, "period"), ".",
            ImmutableArray.Create<IDatacenter>(dc), ImmutableArray.Create<IDatacenter>(dc), grid,
            ImmutableArray.Create(new DatacenterAttachment("dc", "b13", LoadConnection.Wye, 0.95)));
        _ofo = new OfoController(new OfoOptions(), context);
        _ruleBased = new RuleBasedController(new RuleBasedOptions(), context);
        _pid = new PidController(new PidOptions(), context);
        _ofo.Reset(run);
        _ruleBased.Reset(run);
        _pid.Reset(run);
        _ofo.Step(SimTime.Zero, _inputs); // the first step computes H; measure the steady steps
    }

    private SimTime Next() => new(++_step * TimeSpan.TicksPerSecond);

    [Benchmark]
    public int OfoStep() => _ofo.Step(Next(), _inputs).Count;

    [Benchmark]
    public int RuleBasedStep() => _ruleBased.Step(Next(), _inputs).Count;

    [Benchmark]
    public int PidStep() => _pid.Step(Next(), _inputs).Count;

    private sealed class NoEvents : IEventSink
    {
        public void Emit(SimTime time, string source, string kind, string message)
        {
        }
    }

    private sealed class NoScheduler : IScheduler
    {
        public SimTime Now => SimTime.Zero;

        public ScheduledEvent Schedule(SimTime at, string source, string description, Action<SimTime> action) =>
            throw new NotSupportedException();
    }
}
