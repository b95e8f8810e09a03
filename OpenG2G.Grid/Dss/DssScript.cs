using System.Collections.Immutable;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// A DSS script read from disk: its commands in execution order (Redirect/Compile expanded in
/// place) and what the reader found (errors for unreadable files, unterminated comments, ...).
/// </summary>
public sealed record DssScript(string MainFile, ImmutableArray<DssCommand> Commands, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
