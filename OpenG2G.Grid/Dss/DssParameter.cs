using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// One parameter of a command: <c>name=value</c> or a positional value (<see cref="Name"/> empty).
/// <see cref="NameLocation"/> is where the name (or the positional value) starts.
/// </summary>
public sealed record DssParameter(string Name, SourceLocation NameLocation, DssValue Value)
{
    public bool IsPositional => Name.Length == 0;

    public override string ToString() => IsPositional ? Value.ToString() : Name + "=" + Value;
}
