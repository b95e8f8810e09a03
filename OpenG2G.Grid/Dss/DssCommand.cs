using System.Collections.Immutable;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// One command of a DSS script after comments are removed and Redirect/Compile are expanded:
/// the verb as written (<c>New</c>, <c>~</c>, <c>Set</c>, ...; empty for the implicit
/// <c>Class.Name.Property=value</c> form), its location, its parameters, and the chain of
/// Redirect commands that led to its file (outermost first) for messages.
/// </summary>
public sealed record DssCommand(
    string Verb,
    SourceLocation Location,
    ImmutableArray<DssParameter> Parameters,
    ImmutableArray<SourceLocation> IncludedFrom)
{
    /// <summary>" (included from a.dss:3:1)" or empty, appended to messages about this command.</summary>
    public string IncludeSuffix => IncludedFrom.IsDefaultOrEmpty
        ? string.Empty
        : " (included from " + string.Join(", from ", IncludedFrom.Reverse().Select(l => l.ToString())) + ")";
}
