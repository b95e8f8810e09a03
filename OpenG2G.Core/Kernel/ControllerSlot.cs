using OpenG2G.Core.Components;

namespace OpenG2G.Core.Kernel;

/// <summary>
/// A controller and the delay between its decision and the command's effect. With a zero delay its
/// commands are applied right after its step; otherwise at t + delay, before anything steps then.
/// </summary>
public sealed record ControllerSlot(IController Controller, TimeSpan CommandDelay)
{
    public ControllerSlot(IController controller)
        : this(controller, TimeSpan.Zero)
    {
    }
}
