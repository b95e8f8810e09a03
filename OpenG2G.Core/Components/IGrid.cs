using OpenG2G.Core.Commands;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Components;

/// <summary>The grid: steps after the datacenters at every instant it is due.</summary>
public interface IGrid : ISimComponent
{
    /// <summary>
    /// Solve the feeder at <paramref name="now"/>. <paramref name="samples"/> holds every datacenter
    /// state produced since the previous grid step (all sites, in time then declaration order); it may
    /// be empty when no datacenter stepped, in which case the last known powers are held. The list is
    /// valid only during the call: copy what you keep.
    /// </summary>
    GridState Step(SimTime now, IReadOnlyList<DatacenterState> samples);

    /// <summary>
    /// Apply <paramref name="command"/> at <paramref name="now"/>; effective from the next solve.
    /// Throws <see cref="NotSupportedException"/> for a command type the grid does not handle.
    /// </summary>
    void Apply(GridCommand command, SimTime now);
}
