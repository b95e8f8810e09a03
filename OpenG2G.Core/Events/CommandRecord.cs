using OpenG2G.Core.Commands;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Events;

/// <summary>A command as issued and applied, for the command log.</summary>
/// <param name="IssuedAt">When the controller (or driver) issued it.</param>
/// <param name="AppliedAt">When the kernel applied it to its target (later when a delay is configured).</param>
/// <param name="Source">Controller name, or <c>driver</c> for commands dispatched from outside.</param>
/// <param name="Command">The command.</param>
public sealed record CommandRecord(SimTime IssuedAt, SimTime AppliedAt, string Source, Command Command);
