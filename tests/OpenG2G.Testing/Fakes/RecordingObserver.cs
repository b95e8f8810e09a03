using OpenG2G.Core.Events;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;

namespace OpenG2G.Testing.Fakes;

/// <summary>Keeps everything a run reports, in order (tests only: production observers stream).</summary>
public sealed class RecordingObserver : ISimulationObserver
{
    public List<DatacenterState> Datacenters { get; } = new();
    public List<GridState> Grid { get; } = new();
    public List<CommandRecord> Commands { get; } = new();
    public List<SimEvent> Events { get; } = new();

    public void OnDatacenterState(DatacenterState state) => Datacenters.Add(state);

    public void OnGridState(GridState state) => Grid.Add(state);

    public void OnCommand(CommandRecord record) => Commands.Add(record);

    public void OnEvent(SimEvent simEvent) => Events.Add(simEvent);
}
