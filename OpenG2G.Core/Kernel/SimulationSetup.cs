using System.Collections.Immutable;
using OpenG2G.Core.Components;

namespace OpenG2G.Core.Kernel;

/// <summary>The components of a run and how long it lasts.</summary>
/// <param name="Datacenters">Datacenters in declaration order (they step in this order).</param>
/// <param name="Grid">The grid, or null for a run without a feeder.</param>
/// <param name="Controllers">Controllers in declaration order (they step, and their commands apply, in this order).</param>
/// <param name="Duration">Run length: components step at every multiple of their period strictly before it.</param>
public sealed record SimulationSetup(
    ImmutableArray<IDatacenter> Datacenters,
    IGrid? Grid,
    ImmutableArray<ControllerSlot> Controllers,
    TimeSpan Duration);
