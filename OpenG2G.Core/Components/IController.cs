using OpenG2G.Core.Commands;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Components;

/// <summary>
/// A controller: steps after the grid at every instant it is due, in declaration order, and returns
/// commands. What it may read beyond <see cref="ControllerInputs"/> (datacenters, grid) it receives
/// at construction through capability interfaces (<c>OpenG2G.Core.Capabilities</c>).
/// </summary>
public interface IController : ISimComponent
{
    /// <summary>Decide at <paramref name="now"/> from the states recorded since the previous call.</summary>
    IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs);
}
