using OpenG2G.Core.Events;
using OpenG2G.Core.States;

namespace OpenG2G.Core.Kernel;

/// <summary>
/// Receives everything a run produces, as it happens and in simulation order: result writers,
/// metric accumulators and progress displays. Override only what you need.
/// </summary>
public interface ISimulationObserver
{
    void OnDatacenterState(DatacenterState state)
    {
    }

    void OnGridState(GridState state)
    {
    }

    /// <summary>A command was applied to its target (at <see cref="CommandRecord.AppliedAt"/>).</summary>
    void OnCommand(CommandRecord record)
    {
    }

    void OnEvent(SimEvent simEvent)
    {
    }
}
