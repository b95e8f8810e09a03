using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Qp;

/// <summary>
/// The quasi-definite KKT matrix of the ADMM x-update, [P + sigma I, A^T; A, -diag(1/rho)], as the
/// upper triangle of an (n + m) x (n + m) matrix built once per (P, A) pattern, with where each
/// entry of P, A and each rho goes, and its <see cref="SparseLdl"/> factorisation. New values or a
/// new rho cost a numeric factorisation only; the ordering and symbolic analysis are kept.
/// </summary>
internal sealed class KktSystem
{
    private readonly SparseMatrix _pPattern;
    private readonly SparseMatrix _aPattern;
    private readonly int[] _pToK;
    private readonly int[] _diagonalToK;
    private readonly int[] _aToK;
    private readonly int[] _rhoToK;
    private readonly double[] _values;
    private readonly SparseLdl _ldl;

    public KktSystem(SparseMatrix p, SparseMatrix a)
    {
        _pPattern = p;
        _aPattern = a;
        Variables = p.Columns;
        Constraints = a.Rows;
        int n = Variables, m = Constraints;
        var at = a.Transpose(out int[] aToAt);
        var starts = new int[n + m + 1];
        var rows = new List<int>(p.NonZeros + n + a.NonZeros + m);
        _pToK = new int[p.NonZeros];
        _diagonalToK = new int[n];
        var pStarts = p.ColumnStarts;
        var pRows = p.RowIndices;
        for (int j = 0; j < n; j++)
        {
            starts[j] = rows.Count;
            bool diagonal = false;
            for (int q = pStarts[j]; q < pStarts[j + 1]; q++)
            {
                _pToK[q] = rows.Count;
                if (pRows[q] == j)
                {
                    _diagonalToK[j] = rows.Count;
                    diagonal = true;
                }
                rows.Add(pRows[q]);
            }
            if (!diagonal)
            {
                _diagonalToK[j] = rows.Count;
                rows.Add(j);
            }
        }
        // Column n + i holds row i of A (column i of A^T), then the -1/rho_i diagonal.
        var atStarts = at.ColumnStarts;
        var atRows = at.RowIndices;
        var atPositionToK = new int[a.NonZeros];
        _rhoToK = new int[m];
        for (int i = 0; i < m; i++)
        {
            starts[n + i] = rows.Count;
            for (int q = atStarts[i]; q < atStarts[i + 1]; q++)
            {
                atPositionToK[q] = rows.Count;
                rows.Add(atRows[q]);
            }
            _rhoToK[i] = rows.Count;
            rows.Add(n + i);
        }
        starts[n + m] = rows.Count;
        _aToK = new int[a.NonZeros];
        for (int q = 0; q < a.NonZeros; q++)
            _aToK[q] = atPositionToK[aToAt[q]];
        _values = new double[rows.Count];
        var pattern = new SparseMatrix(n + m, n + m, starts, rows.ToArray(), _values);
        _ldl = SparseLdl.Analyze(pattern);
        var position = _ldl.Positions();
        VariablePositions = position.AsSpan(0, n).ToArray();
        ConstraintPositions = position.AsSpan(n, m).ToArray();
    }

    /// <summary>Where x_j sits in the vector <see cref="SolvePermuted"/> works on.</summary>
    public int[] VariablePositions { get; }

    /// <summary>Where the row of constraint i (z_i on entry, nu_i on return) sits in the vector <see cref="SolvePermuted"/> works on.</summary>
    public int[] ConstraintPositions { get; }

    /// <summary>Size of the system (variables plus constraints).</summary>
    public int Size => Variables + Constraints;

    public int Variables { get; }

    public int Constraints { get; }

    /// <summary>Entries below the diagonal of the factor L.</summary>
    public int FactorNonZeros => _ldl.LowerNonZeros;

    /// <summary>Whether a problem with these P and A patterns can use this system.</summary>
    public bool Fits(SparseMatrix p, SparseMatrix a) => p.HasSamePattern(_pPattern) && a.HasSamePattern(_aPattern);

    /// <summary>
    /// Factor with (scaled) values of P and A, sigma and 1/rho per row. Returns false when the inertia
    /// shows P + sigma I is not positive definite (a non-convex problem).
    /// </summary>
    public bool Factor(ReadOnlySpan<double> pValues, ReadOnlySpan<double> aValues, double sigma, ReadOnlySpan<double> rhoInverse)
    {
        Array.Clear(_values);
        for (int q = 0; q < pValues.Length; q++)
            _values[_pToK[q]] = pValues[q];
        foreach (int k in _diagonalToK)
            _values[k] += sigma;
        for (int q = 0; q < aValues.Length; q++)
            _values[_aToK[q]] = aValues[q];
        return Refactor(rhoInverse);
    }

    /// <summary>Factor again with a new rho (P, A and sigma as in the last <see cref="Factor"/>).</summary>
    public bool Refactor(ReadOnlySpan<double> rhoInverse)
    {
        for (int i = 0; i < _rhoToK.Length; i++)
            _values[_rhoToK[i]] = -rhoInverse[i];
        try
        {
            _ldl.Factor(_values);
        }
        catch (SingularMatrixException)
        {
            return false;
        }
        return _ldl.PositivePivots == Variables;
    }

    /// <summary>Solve in place: on entry [rhs_x; rhs_z], on return [x; nu].</summary>
    public void Solve(Span<double> rightHandSide) => _ldl.Solve(rightHandSide);

    /// <summary>
    /// Solve in place in the factor's order: entry <see cref="VariablePositions"/>[j] holds rhs_x[j]
    /// and <see cref="ConstraintPositions"/>[i] rhs_z[i] on entry, x[j] and nu[i] on return. The
    /// same arithmetic as <see cref="Solve"/> without its gather and scatter.
    /// </summary>
    public void SolvePermuted(Span<double> permuted) => _ldl.SolvePermuted(permuted);
}
