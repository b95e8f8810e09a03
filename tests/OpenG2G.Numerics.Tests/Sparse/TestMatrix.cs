using System.Numerics;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

/// <summary>
/// A sparse matrix for tests: entries accumulated by (row, column) (adding, like stamping an
/// admittance matrix), turned into a <see cref="SparsePattern"/> plus aligned values, with dense and
/// product helpers that do not use the solver.
/// </summary>
internal sealed class TestMatrix
{
    private readonly Dictionary<(int Row, int Column), Complex> _entries = new();

    public TestMatrix(int size) => Size = size;

    public int Size { get; }

    public IReadOnlyDictionary<(int Row, int Column), Complex> Entries => _entries;

    public void Add(int row, int column, Complex value) =>
        _entries[(row, column)] = _entries.GetValueOrDefault((row, column)) + value;

    public void Set(int row, int column, Complex value) => _entries[(row, column)] = value;

    public SparsePattern Pattern() => SparsePattern.FromEntries(Size, _entries.Keys);

    /// <summary>Values aligned with <paramref name="pattern"/> (zero where the pattern has an entry this matrix lacks).</summary>
    public Complex[] ValuesFor(SparsePattern pattern)
    {
        var values = new Complex[pattern.NonZeros];
        foreach (var ((row, column), value) in _entries)
            values[pattern.IndexOf(row, column)] = value;
        return values;
    }

    public Complex[,] ToDense()
    {
        var dense = new Complex[Size, Size];
        foreach (var ((row, column), value) in _entries)
            dense[row, column] = value;
        return dense;
    }

    public Complex[] Multiply(ReadOnlySpan<Complex> x)
    {
        var y = new Complex[Size];
        foreach (var ((row, column), value) in _entries)
            y[row] += value * x[column];
        return y;
    }

    public Complex[] MultiplyTransposed(ReadOnlySpan<Complex> x)
    {
        var y = new Complex[Size];
        foreach (var ((row, column), value) in _entries)
            y[column] += value * x[row];
        return y;
    }

    /// <summary>
    /// Normwise backward error ||A x - b|| / (||A|| ||x|| + ||b||) (2-norms, Frobenius for A): the
    /// relative change to A and b that would make x exact. A stable solver keeps it near rounding
    /// level whatever the conditioning, so tests can bound it without knowing cond(A).
    /// </summary>
    public double BackwardError(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> b, bool transposed = false)
    {
        var ax = transposed ? MultiplyTransposed(x) : Multiply(x);
        double residual = 0, normX = 0, normB = 0;
        for (int i = 0; i < Size; i++)
        {
            residual += Square(ax[i] - b[i]);
            normX += Square(x[i]);
            normB += Square(b[i]);
        }
        double normA = Math.Sqrt(_entries.Values.Sum(Square));
        return Math.Sqrt(residual) / (normA * Math.Sqrt(normX) + Math.Sqrt(normB));
    }

    public static double Square(Complex z) => z.Real * z.Real + z.Imaginary * z.Imaginary;

    /// <summary>max_i |x_i - y_i| / max_i |y_i|.</summary>
    public static double RelativeDifference(ReadOnlySpan<Complex> x, ReadOnlySpan<Complex> y)
    {
        double difference = 0, scale = 0;
        for (int i = 0; i < x.Length; i++)
        {
            difference = Math.Max(difference, Complex.Abs(x[i] - y[i]));
            scale = Math.Max(scale, Complex.Abs(y[i]));
        }
        return difference / scale;
    }
}
