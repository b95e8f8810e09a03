using OpenG2G.Core.Time;

namespace OpenG2G.Core.Components;

/// <summary>
/// Schedules one-shot events. An event due at instant t runs before any component steps at t,
/// in the order the events were scheduled.
/// </summary>
public interface IScheduler
{
    /// <summary>The instant being processed (or the last one processed).</summary>
    SimTime Now { get; }

    /// <summary>
    /// Run <paramref name="action"/> at <paramref name="at"/>, which must not be before <see cref="Now"/>.
    /// An event scheduled for the instant being processed runs as soon as the current step returns.
    /// The returned handle can cancel it.
    /// </summary>
    ScheduledEvent Schedule(SimTime at, string source, string description, Action<SimTime> action);
}

/// <summary>A handle to a scheduled one-shot event.</summary>
public sealed class ScheduledEvent
{
    internal ScheduledEvent(SimTime at, string source, string description, Action<SimTime> action)
    {
        At = at;
        Source = source;
        Description = description;
        Action = action;
    }

    public SimTime At { get; }
    public string Source { get; }
    public string Description { get; }
    internal Action<SimTime> Action { get; }

    /// <summary>True once <see cref="Cancel"/> was called; a cancelled event does not run.</summary>
    public bool IsCancelled { get; private set; }

    public void Cancel() => IsCancelled = true;
}
