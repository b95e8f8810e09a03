using System.Collections.Immutable;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Testing.Fakes;

/// <summary>
/// A test grid with one bus "b1" (phases 1..3) whose voltage per phase is
/// <c>SourcePu - DropPuPerKw x (latest datacenter power on that phase, kW, summed over sites)</c>.
/// Records the sample times it received at each step. Not a product feature.
/// </summary>
public sealed class FakeGrid : IGrid
{
    private static readonly BusPhaseIndex Index = new(new[] { new BusPhase("b1", 1), new BusPhase("b1", 2), new BusPhase("b1", 3) });
    private readonly LifecycleLog? _log;
    private readonly Dictionary<string, ThreePhase> _latest = new();

    public FakeGrid(string name, TimeSpan period, LifecycleLog? log = null)
    {
        Name = name;
        Period = period;
        _log = log;
    }

    public string Name { get; }
    public TimeSpan Period { get; }
    public double SourcePu { get; init; } = 1.0;
    public double DropPuPerKw { get; init; } = 1e-4;

    /// <summary>Per grid step: its time and the times of the samples it was given.</summary>
    public List<(SimTime Time, SimTime[] Samples)> Received { get; } = new();

    public void Reset(RunContext context)
    {
        _log?.Add($"{Name}.Reset");
        _latest.Clear();
        Received.Clear();
    }

    public void Start() => _log?.Add($"{Name}.Start");

    public void Stop() => _log?.Add($"{Name}.Stop");

    public GridState Step(SimTime now, IReadOnlyList<DatacenterState> samples)
    {
        _log?.Add($"{now} {Name}.Step");
        Received.Add((now, samples.Select(s => s.Time).ToArray()));
        foreach (DatacenterState s in samples)
            _latest[s.Datacenter] = s.PowerW;
        ThreePhase total = _latest.Values.Aggregate(ThreePhase.Zero, (a, b) => a + b);
        var v = ImmutableArray.Create(
            SourcePu - DropPuPerKw * total.A / 1000,
            SourcePu - DropPuPerKw * total.B / 1000,
            SourcePu - DropPuPerKw * total.C / 1000);
        return new GridState
        {
            Time = now,
            Nodes = Index,
            VoltagePu = v,
            VoltageAngleDeg = ImmutableArray.Create(0.0, -120.0, 120.0),
            SourcePowerKw = total.Total / 1000,
        };
    }

    public void Apply(GridCommand command, SimTime now) =>
        throw new NotSupportedException($"{nameof(FakeGrid)} does not handle {command.GetType().Name}");
}
