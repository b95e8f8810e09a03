using OpenG2G.Core.Events;
using OpenG2G.Core.Kernel;

namespace OpenG2G.Scenarios.Running;

/// <summary>Counts the commands applied and events recorded in a run (for its summary), whether or not they are written.</summary>
internal sealed class CommandCounter : ISimulationObserver
{
    public long Commands { get; private set; }

    public long Events { get; private set; }

    public void OnCommand(CommandRecord record) => Commands++;

    public void OnEvent(SimEvent simEvent) => Events++;
}
