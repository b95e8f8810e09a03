using OpenG2G.Core.Events;
using OpenG2G.Core.Randomness;

namespace OpenG2G.Core.Components;

/// <summary>
/// What the kernel gives every component at <see cref="ISimComponent.Reset"/>: the run's seed,
/// deterministic random streams, the event sink and the scheduler for one-shot events.
/// </summary>
public sealed class RunContext
{
    public RunContext(ulong seed, IEventSink events, IScheduler scheduler)
    {
        Seed = seed;
        Events = events;
        Scheduler = scheduler;
    }

    /// <summary>The run's seed.</summary>
    public ulong Seed { get; }

    /// <summary>Where to report events.</summary>
    public IEventSink Events { get; }

    /// <summary>Schedules one-shot events (time-delayed tap moves, disturbances, ...).</summary>
    public IScheduler Scheduler { get; }

    /// <summary>
    /// A random stream that depends only on the run's seed and <paramref name="streamName"/>
    /// (use the component name plus a purpose, e.g. <c>"dc1/layout"</c>), so adding a component
    /// does not change the draws of another.
    /// </summary>
    public SimRandom CreateRandom(string streamName) => SimRandom.ForStream(Seed, streamName);
}
