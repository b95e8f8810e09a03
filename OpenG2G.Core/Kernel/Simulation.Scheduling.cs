using OpenG2G.Core.Components;
using OpenG2G.Core.Events;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Schedule a one-shot event (a disturbance, a switching action) from outside the components.
    /// Runs at <paramref name="at"/> before anything steps at that instant.
    /// </summary>
    public ScheduledEvent Schedule(SimTime at, string source, string description, Action<SimTime> action)
    {
        if (Status == SimulationStatus.Created || Status == SimulationStatus.Stopped)
            throw new InvalidOperationException($"events can be scheduled only between Reset and Stop; the simulation is {Status}");
        if (at < Now)
            throw new ArgumentOutOfRangeException(nameof(at), $"cannot schedule '{description}' at t={at}, before now (t={Now})");
        var handle = new ScheduledEvent(at, source, description, action);
        Enqueue(at.Ticks, StepPhase.OneShot, 0, new QueueEntry(StepPhase.OneShot, 0, handle));
        return handle;
    }

    private void EmitEvent(SimTime time, string source, string kind, string message)
    {
        var e = new SimEvent(time, source, kind, message);
        Notify(o => o.OnEvent(e));
    }

    /// <summary>The scheduler components receive in their <see cref="RunContext"/>.</summary>
    private sealed class KernelScheduler(Simulation simulation) : IScheduler
    {
        public SimTime Now => simulation.Now;

        public ScheduledEvent Schedule(SimTime at, string source, string description, Action<SimTime> action) =>
            simulation.Schedule(at, source, description, action);
    }

    /// <summary>The event sink components receive in their <see cref="RunContext"/>.</summary>
    private sealed class KernelEventSink(Simulation simulation) : IEventSink
    {
        public void Emit(SimTime time, string source, string kind, string message) =>
            simulation.EmitEvent(time, source, kind, message);
    }
}
