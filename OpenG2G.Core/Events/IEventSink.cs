using OpenG2G.Core.Time;

namespace OpenG2G.Core.Events;

/// <summary>Where components report events; the kernel stamps and records them.</summary>
public interface IEventSink
{
    /// <summary>Record that <paramref name="kind"/> happened at <paramref name="time"/>.</summary>
    void Emit(SimTime time, string source, string kind, string message);
}
