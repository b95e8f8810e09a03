using System.Numerics;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Grid.Solver;

/// <summary>
/// The admittance matrix's linear system on the sparse LU (<see cref="SparseLu"/>): the pattern and
/// fill-reducing ordering are analysed once per topology; values re-factor with reused pivots.
/// </summary>
internal sealed class SparseLinearSystem : ILinearSystem
{
    private readonly SparsePattern _pattern;
    private readonly SparseLu _lu;
    private readonly Func<int, string> _nodeName;
    private bool _factored;

    public SparseLinearSystem(int size, IEnumerable<(int Row, int Column)> entries, Func<int, string> nodeName)
    {
        _pattern = SparsePattern.FromEntries(size, entries);
        _lu = SparseLu.Analyze(_pattern);
        _nodeName = nodeName;
    }

    public int Size => _pattern.Size;
    public int NonZeros => _pattern.NonZeros;

    /// <summary>Entries of L and U after the last factorisation (fill-in included).</summary>
    public int FactorNonZeros => _lu.FactorNonZeros;

    public int IndexOf(int row, int column)
    {
        int index = _pattern.IndexOf(row, column);
        return index >= 0 ? index : throw new ArgumentException($"({row}, {column}) is not in the pattern");
    }

    public void Factor(ReadOnlySpan<Complex> values)
    {
        try
        {
            _lu.Factor(values);
            _factored = true;
        }
        catch (SingularMatrixException e)
        {
            throw new SingularNetworkException(e.Column, _nodeName(e.Column));
        }
    }

    public void Refactor(ReadOnlySpan<Complex> values)
    {
        if (!_factored)
        {
            Factor(values);
            return;
        }
        try
        {
            _lu.Refactor(values);
        }
        catch (SingularMatrixException e)
        {
            throw new SingularNetworkException(e.Column, _nodeName(e.Column));
        }
    }

    public void Solve(Span<Complex> rhs) => _lu.Solve(rhs);

    public void SolveTransposed(Span<Complex> rhs) => _lu.SolveTransposed(rhs);
}
