using OpenG2G.Core.Components;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Kernel;

/// <summary>
/// The external-driver mode: instead of <see cref="Run"/>, a driver (the RL environment, an interactive
/// tool) moves the run forward by time or up to a controller's next step, reads what that controller
/// would be given, and injects commands with <see cref="Dispatch"/>. These calls process the same queue
/// entries in the same order as <see cref="StepInstant"/>, only stopping elsewhere, so a driven run and
/// <see cref="Run"/> produce the same states. All of them need a started simulation (between
/// <see cref="Start"/> and <see cref="Stop"/>).
/// </summary>
public sealed partial class Simulation
{
    /// <summary>
    /// Process every entry due strictly before <paramref name="time"/> (whole instants, including entries
    /// scheduled while they run). Returns false once no instant before the end remains (the status is then
    /// <see cref="SimulationStatus.Finished"/>).
    /// </summary>
    public bool AdvanceTo(SimTime time)
    {
        if (!EnsureDriving(nameof(AdvanceTo)))
            return false;
        while (NextInstant is SimTime next && next < time)
            ExecuteNext();
        return FinishIfDone();
    }

    /// <summary>
    /// Process entries in queue order until the next one is <paramref name="controller"/>'s step, and stop
    /// before it: at that instant the datacenters, the grid and every controller declared before it have
    /// stepped. <see cref="Now"/> is the instant of that step. The step itself runs on the next
    /// <see cref="StepInstant"/> or advance. Returns false when the run ends before the controller steps
    /// again. Throws <see cref="ArgumentException"/> when the controller is not part of this run.
    /// </summary>
    public bool AdvanceToStepOf(IController controller)
    {
        int index = ControllerIndex(controller);
        if (!EnsureDriving(nameof(AdvanceToStepOf)))
            return false;
        while (_queue.TryPeek(out _, out QueueKey key) && key.Ticks < Duration.Ticks)
        {
            if (key.Phase == StepPhase.Controller && key.Order == index)
            {
                Now = new SimTime(key.Ticks);
                return true;
            }
            ExecuteNext();
        }
        return FinishIfDone();
    }

    /// <summary>
    /// The inputs <paramref name="controller"/> would be given if it stepped now: the states recorded
    /// since its previous step and the latest of each kind. Reading them changes nothing.
    /// </summary>
    public ControllerInputs PendingInputs(IController controller) => InputsOf(ControllerIndex(controller));

    private int ControllerIndex(IController controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        for (int i = 0; i < _controllers.Length; i++)
        {
            if (ReferenceEquals(_controllers[i].Controller, controller))
                return i;
        }
        throw new ArgumentException($"controller '{controller.Name}' is not part of this simulation", nameof(controller));
    }

    /// <summary>False when the run has finished already; throws unless started.</summary>
    private bool EnsureDriving(string operation)
    {
        if (Status == SimulationStatus.Finished)
            return false;
        if (Status != SimulationStatus.Running)
            throw new InvalidOperationException($"{operation} needs a started simulation; it is {Status}");
        return true;
    }

    /// <summary>Mark the run finished when nothing remains before the end; returns true while it goes on.</summary>
    private bool FinishIfDone()
    {
        if (NextInstant is not null)
            return true;
        Status = SimulationStatus.Finished;
        return false;
    }
}
