using System.Numerics;
using System.Runtime.InteropServices;

namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// Sparse LU factorisation of a square complex matrix, for nodal admittance matrices: KLU-style
/// left-looking (Gilbert-Peierls) elimination with threshold partial pivoting, after an
/// approximate minimum degree ordering of A + A^T. Computes P A Q = L U, with Q the fill-reducing
/// column order and P the row order chosen while pivoting (the diagonal preferred).
/// </summary>
/// <remarks>
/// Lifecycle: <see cref="Analyze(SparsePattern)"/> once per pattern (allocates), then
/// <see cref="Factor"/> once, then any number of <see cref="Refactor"/> (new values, same pivot
/// order) and <see cref="Solve"/>/<see cref="SolveTransposed"/> calls, which allocate nothing.
/// An instance holds workspaces: it is not thread-safe; use one per thread.
/// </remarks>
public sealed partial class SparseLu
{
    private readonly SparsePattern _pattern;
    private readonly SparseLuOptions _options;
    private readonly int[] _columnOrder;
    private readonly int[] _rowOfPosition;
    private readonly int[] _positionOfRow;
    private readonly int[] _scatterPosition;
    private readonly int[] _preferredRowAt;
    private readonly int[] _preferredPositionOf;
    private readonly FactorColumns _lower;
    private readonly FactorColumns _upper;
    private readonly Complex[] _pivots;
    private readonly Complex[] _pivotInverses;
    private readonly Complex[] _work;
    private readonly Complex[] _solveWork;
    private readonly int[] _reach;
    private readonly int[] _stack;
    private readonly int[] _stackNext;
    private readonly int[] _visited;
    private bool _factored;

    private SparseLu(SparsePattern pattern, SparseLuOptions options, int[] columnOrder, long lowerEstimate)
    {
        int n = pattern.Size;
        _pattern = pattern;
        _options = options;
        _columnOrder = columnOrder;
        EstimatedFactorNonZeros = 2 * lowerEstimate + n;
        // Off-diagonal pivots can add fill beyond the symmetric estimate; 20 % slack keeps the
        // usual case free of reallocation.
        long capacity = lowerEstimate + lowerEstimate / 5 + n;
        _lower = new FactorColumns(n, capacity);
        _upper = new FactorColumns(n, capacity);
        _rowOfPosition = new int[n];
        _positionOfRow = new int[n];
        _scatterPosition = new int[pattern.NonZeros];
        _preferredRowAt = new int[n];
        _preferredPositionOf = new int[n];
        _pivots = new Complex[n];
        _pivotInverses = new Complex[n];
        _work = new Complex[n];
        _solveWork = new Complex[n];
        _reach = new int[n];
        _stack = new int[n];
        _stackNext = new int[n];
        _visited = new int[n];
    }

    /// <summary>Number of rows (and columns).</summary>
    public int Size => _pattern.Size;

    /// <summary>The pattern this analysis belongs to; value arrays must be aligned with it.</summary>
    public SparsePattern Pattern => _pattern;

    /// <summary>
    /// Stored entries of the factors after the last successful factorisation: strictly lower L,
    /// strictly upper U, plus the n pivots (L's unit diagonal is implicit). Equals
    /// <see cref="SparsePattern.NonZeros"/> when elimination creates no fill; 0 before any factorisation.
    /// </summary>
    public int FactorNonZeros => _factored ? _lower.NonZeros(Size) + _upper.NonZeros(Size) + Size : 0;

    /// <summary>The same count predicted by the symbolic analysis for diagonal pivots.</summary>
    public long EstimatedFactorNonZeros { get; }

    /// <summary>Whether the last <see cref="Refactor"/> found a reused pivot unusable and factored afresh.</summary>
    public bool LastRefactorFellBack { get; private set; }

    /// <summary>
    /// Smallest over largest pivot magnitude of the last factorisation, in (0, 1]: a cheap warning
    /// sign of ill-conditioning (tiny means trouble), not a condition number.
    /// </summary>
    public double PivotRatio { get; private set; }

    /// <summary>The fill-reducing column order: original column eliminated at each step (Q).</summary>
    internal ReadOnlySpan<int> ColumnOrder => _columnOrder;

    /// <summary>Analyses <paramref name="pattern"/> with the default <see cref="SparseLuOptions"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    public static SparseLu Analyze(SparsePattern pattern) => Analyze(pattern, new SparseLuOptions());

    /// <summary>
    /// Orders and symbolically analyses <paramref name="pattern"/>: approximate minimum degree on
    /// A + A^T, postordered along its elimination tree for locality, the fill estimate, and
    /// workspaces for every later call.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static SparseLu Analyze(SparsePattern pattern, SparseLuOptions options)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var (order, tree) = FillReducingOrder.Compute(SymmetricGraph.FromPattern(pattern));
        return new SparseLu(pattern, options, order, tree.LowerNonZeros);
    }

    private static double Magnitude(Complex z) => Math.Abs(z.Real) + Math.Abs(z.Imaginary);

    // 1 / z without System.Numerics' general division: scaling by the larger component first
    // keeps |z|^2 from overflowing or underflowing; one division instead of Smith's two.
    private static Complex Reciprocal(Complex z)
    {
        double scale = Math.Max(Math.Abs(z.Real), Math.Abs(z.Imaginary));
        double inverseScale = 1 / scale;
        double re = z.Real * inverseScale;
        double im = z.Imaginary * inverseScale;
        double factor = inverseScale / (re * re + im * im);
        return new Complex(re * factor, -im * factor);
    }

    private void ValidateValues(ReadOnlySpan<Complex> values)
    {
        if (values.Length != _pattern.NonZeros)
            throw new ArgumentException(
                $"got {values.Length} values; the pattern has {_pattern.NonZeros} entries", nameof(values));
        if (AllFinite(MemoryMarshal.Cast<Complex, double>(values)))
            return;
        var starts = _pattern.ColumnStarts;
        for (int column = 0; column < Size; column++)
        {
            for (int p = starts[column]; p < starts[column + 1]; p++)
            {
                if (!double.IsFinite(values[p].Real) || !double.IsFinite(values[p].Imaginary))
                    throw new ArgumentException(
                        $"values[{p}] (row {_pattern.RowIndices[p]}, column {column}) is {values[p]}; the matrix must be finite",
                        nameof(values));
            }
        }
    }

    // x - x is 0 for every finite x and NaN for NaN and the infinities, so one vectorised sum
    // screens the whole array; the slow loop above only runs to name the culprit.
    private static bool AllFinite(ReadOnlySpan<double> numbers)
    {
        var sum = Vector<double>.Zero;
        int i = 0;
        for (; i <= numbers.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            var v = new Vector<double>(numbers.Slice(i, Vector<double>.Count));
            sum += v - v;
        }
        double tail = 0;
        for (; i < numbers.Length; i++)
            tail += numbers[i] - numbers[i];
        return Vector.Sum(sum) + tail == 0;
    }
}
