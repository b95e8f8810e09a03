namespace OpenG2G.Core.Diagnostics;

/// <summary>A place in an input file: 1-based line and column. Prints as <c>file:line:column</c>.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>No location (input that did not come from a file).</summary>
    public static readonly SourceLocation None = new(string.Empty, 0, 0);

    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{File}:{Line}:{Column}" : File ?? string.Empty;
}
