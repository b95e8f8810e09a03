using System.Collections.Immutable;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Benchmarks.Kernel;

/// <summary>Components that do (almost) nothing, so a run measures the kernel itself.</summary>
internal sealed class TrivialDatacenter(TimeSpan period) : IDatacenter
{
    private readonly DatacenterState _state = new(SimTime.Zero, "dc", ThreePhase.Uniform(1e6), ImmutableArray<ModelState>.Empty);

    public string Name => "dc";
    public TimeSpan Period => period;
    public void Reset(RunContext context) { }
    public void Start() { }
    public void Stop() { }
    public DatacenterState Step(SimTime now) => _state;
    public void Apply(DatacenterCommand command, SimTime now) { }
}

internal sealed class TrivialGrid(TimeSpan period) : IGrid
{
    private readonly GridState _state = new()
    {
        Time = SimTime.Zero,
        Nodes = new BusPhaseIndex(new[] { new BusPhase("b", 1) }),
        VoltagePu = ImmutableArray.Create(1.0),
        VoltageAngleDeg = ImmutableArray.Create(0.0),
    };

    public string Name => "grid";
    public TimeSpan Period => period;
    public void Reset(RunContext context) { }
    public void Start() { }
    public void Stop() { }
    public GridState Step(SimTime now, IReadOnlyList<DatacenterState> samples) => _state;
    public void Apply(GridCommand command, SimTime now) { }
}

internal sealed class TrivialController(TimeSpan period) : IController
{
    public string Name => "ctl";
    public TimeSpan Period => period;
    public void Reset(RunContext context) { }
    public void Start() { }
    public void Stop() { }
    public IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs) => Array.Empty<Command>();
}
