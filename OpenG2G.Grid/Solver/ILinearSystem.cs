using System.Numerics;

namespace OpenG2G.Grid.Solver;

/// <summary>
/// A square complex linear system with a fixed sparsity pattern: values live in an array indexed by
/// <see cref="IndexOf"/>; the matrix is factored once and re-factored (same pattern, reused
/// ordering) when values change; solves are in place.
/// </summary>
internal interface ILinearSystem
{
    int Size { get; }

    /// <summary>Number of stored entries (length of the values array).</summary>
    int NonZeros { get; }

    /// <summary>Position of (row, column) in the values array; throws when the entry is not in the pattern.</summary>
    int IndexOf(int row, int column);

    /// <summary>Factor with fresh pivoting. Throws <see cref="SingularNetworkException"/> when singular.</summary>
    void Factor(ReadOnlySpan<Complex> values);

    /// <summary>Factor new values of the same pattern, reusing the previous pivot order when it stays stable.</summary>
    void Refactor(ReadOnlySpan<Complex> values);

    /// <summary>Overwrite <paramref name="rhs"/> with the solution of A x = rhs.</summary>
    void Solve(Span<Complex> rhs);

    /// <summary>Overwrite <paramref name="rhs"/> with the solution of A^T x = rhs (plain transpose).</summary>
    void SolveTransposed(Span<Complex> rhs);
}
