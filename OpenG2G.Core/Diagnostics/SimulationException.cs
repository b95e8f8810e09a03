using OpenG2G.Core.Time;

namespace OpenG2G.Core.Diagnostics;

/// <summary>
/// A run failed: a component threw, or a command could not be applied. Names the simulated time and
/// the component; the cause is the inner exception.
/// </summary>
public sealed class SimulationException : Exception
{
    public SimulationException(SimTime time, string component, string message, Exception? inner = null)
        : base($"at t={time}: {component}: {message}", inner)
    {
        Time = time;
        Component = component;
    }

    /// <summary>Simulated time of the failure.</summary>
    public SimTime Time { get; }

    /// <summary>Name of the component (or <c>kernel</c>) that failed.</summary>
    public string Component { get; }
}
