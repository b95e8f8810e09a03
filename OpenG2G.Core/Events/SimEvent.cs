using OpenG2G.Core.Time;

namespace OpenG2G.Core.Events;

/// <summary>Something that happened during a run, for the event log.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Source">Component (or <c>kernel</c>) that reported it.</param>
/// <param name="Kind">Short dotted identifier, e.g. <c>grid.tap_changed</c>.</param>
/// <param name="Message">Human-readable details.</param>
public sealed record SimEvent(SimTime Time, string Source, string Kind, string Message);
