using OpenG2G.Core.Commands;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Kernel;

/// <summary>A command waiting for its delay to pass.</summary>
internal sealed record PendingCommand(SimTime IssuedAt, string Source, Command Command);
