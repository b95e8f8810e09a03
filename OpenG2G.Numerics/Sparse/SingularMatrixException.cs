namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// A factorisation found no usable pivot: the matrix is singular (structurally, or numerically to
/// within the singular-pivot tolerance). <see cref="Column"/> names the column of the original
/// matrix (before any reordering) at which elimination broke down; in a nodal admittance matrix
/// that is the node that is left floating or shorted out.
/// </summary>
public sealed class SingularMatrixException : Exception
{
    public SingularMatrixException(int column, string message)
        : base(message)
    {
        Column = column;
    }

    /// <summary>Zero-based column (and node) of the original matrix that has no usable pivot.</summary>
    public int Column { get; }
}
