using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Qp;

/// <summary>
/// A convex quadratic program: minimise 1/2 x^T P x + q^T x subject to l &lt;= A x &lt;= u, with
/// x in R^n, P (n x n, symmetric positive semidefinite) given by its upper triangle, A (m x n) and
/// bounds that may be infinite (an equality row has l = u). Bounds of magnitude 1e20 or more count
/// as infinite. Immutable; the arrays are copied.
/// </summary>
public sealed class QpProblem
{
    /// <summary>Bounds at or beyond this magnitude are treated as infinite.</summary>
    public const double Infinity = 1e20;

    private readonly double[] _q;
    private readonly double[] _lower;
    private readonly double[] _upper;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the first problem: shapes that do not fit, P not
    /// upper triangular, a non-finite cost, a NaN bound, l &gt; u, l = +inf or u = -inf.
    /// </summary>
    public QpProblem(SparseMatrix p, ReadOnlySpan<double> q, SparseMatrix a, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(a);
        int n = q.Length;
        if (n == 0)
            throw new ArgumentException("a QP needs at least one variable", nameof(q));
        if (p.Rows != n || p.Columns != n)
            throw new ArgumentException($"P is {p.Rows} x {p.Columns}; with {n} variables it must be {n} x {n}", nameof(p));
        if (!p.IsUpperTriangular())
            throw new ArgumentException("give P as its upper triangle (an entry lies below the diagonal)", nameof(p));
        if (a.Columns != n)
            throw new ArgumentException($"A has {a.Columns} columns; with {n} variables it must have {n}", nameof(a));
        if (lower.Length != a.Rows || upper.Length != a.Rows)
            throw new ArgumentException($"A has {a.Rows} rows but l has {lower.Length} and u {upper.Length} entries", nameof(lower));
        for (int j = 0; j < n; j++)
        {
            if (!double.IsFinite(q[j]))
                throw new ArgumentException($"q[{j}] is {q[j]}; the linear cost must be finite", nameof(q));
        }
        for (int i = 0; i < a.Rows; i++)
        {
            double l = lower[i], u = upper[i];
            if (double.IsNaN(l) || double.IsNaN(u))
                throw new ArgumentException($"constraint {i}: a bound is NaN", nameof(lower));
            if (l > u)
                throw new ArgumentException($"constraint {i}: lower bound {l} exceeds upper bound {u}", nameof(lower));
            if (l >= Infinity || u <= -Infinity)
                throw new ArgumentException($"constraint {i}: bounds [{l}, {u}] leave no room (l = +inf or u = -inf)", nameof(lower));
        }
        P = p;
        A = a;
        _q = q.ToArray();
        _lower = lower.ToArray();
        _upper = upper.ToArray();
        for (int i = 0; i < _lower.Length; i++)
        {
            if (_lower[i] <= -Infinity)
                _lower[i] = double.NegativeInfinity;
            if (_upper[i] >= Infinity)
                _upper[i] = double.PositiveInfinity;
        }
    }

    /// <summary>Number of variables n.</summary>
    public int Variables => _q.Length;

    /// <summary>Number of constraint rows m.</summary>
    public int Constraints => A.Rows;

    /// <summary>Upper triangle of the cost matrix P.</summary>
    public SparseMatrix P { get; }

    /// <summary>Linear cost q.</summary>
    public ReadOnlySpan<double> Q => _q;

    /// <summary>Constraint matrix A.</summary>
    public SparseMatrix A { get; }

    /// <summary>Lower bounds l (negative infinity where unbounded).</summary>
    public ReadOnlySpan<double> Lower => _lower;

    /// <summary>Upper bounds u (positive infinity where unbounded).</summary>
    public ReadOnlySpan<double> Upper => _upper;

    /// <summary>1/2 x^T P x + q^T x.</summary>
    public double Objective(ReadOnlySpan<double> x)
    {
        var px = new double[Variables];
        P.MultiplySymmetricUpper(x, px);
        double sum = 0;
        for (int j = 0; j < x.Length; j++)
            sum += x[j] * (0.5 * px[j] + _q[j]);
        return sum;
    }
}
