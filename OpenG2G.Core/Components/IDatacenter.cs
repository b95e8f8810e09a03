using OpenG2G.Core.Commands;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Components;

/// <summary>A datacenter: steps first at every instant it is due and reports the power it draws.</summary>
public interface IDatacenter : ISimComponent
{
    /// <summary>Advance to <paramref name="now"/> and report the step's power and service state.</summary>
    DatacenterState Step(SimTime now);

    /// <summary>
    /// Apply <paramref name="command"/> at <paramref name="now"/>; effective from the next step.
    /// Throws <see cref="NotSupportedException"/> for a command type the datacenter does not handle and
    /// <see cref="ArgumentException"/> for an infeasible value (unknown model, batch size not offered, ...).
    /// </summary>
    void Apply(DatacenterCommand command, SimTime now);
}
