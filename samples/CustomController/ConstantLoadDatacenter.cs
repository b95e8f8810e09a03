using System.Collections.Immutable;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace CustomController;

/// <summary>A datacenter type from a plug-in: constant power per phase, no models, no knobs.</summary>
public sealed class ConstantLoadDatacenter(string name, TimeSpan period, ConstantLoadOptions options) : IDatacenter
{
    public string Name { get; } = name;

    public TimeSpan Period { get; } = period;

    public void Reset(RunContext context)
    {
    }

    public void Start()
    {
    }

    public void Stop()
    {
    }

    public DatacenterState Step(SimTime now) =>
        new(now, Name, ThreePhase.Uniform(options.PowerKwPerPhase * 1000.0), ImmutableArray<ModelState>.Empty);

    public void Apply(DatacenterCommand command, SimTime now) =>
        throw new NotSupportedException($"{nameof(ConstantLoadDatacenter)} has no knobs; it cannot apply {command.GetType().Name}");
}
