using System.Numerics;

using OpenG2G.Grid.Solver;

namespace OpenG2G.Grid.Tests.Solver;

/// <summary>
/// Dense LU (partial pivoting) behind <see cref="ILinearSystem"/>: an independent reference for the
/// sparse solver in tests. O(n^3) per factorisation.
/// </summary>
internal sealed class DenseLinearSystem : ILinearSystem
{
    private readonly Dictionary<long, int> _slots = new();
    private readonly int[] _rowOf;
    private readonly int[] _colOf;
    private readonly Complex[] _lu;
    private readonly int[] _perm;
    private readonly Func<int, string> _nodeName;

    public DenseLinearSystem(int size, IEnumerable<(int Row, int Column)> entries, Func<int, string> nodeName)
    {
        Size = size;
        _nodeName = nodeName;
        var rows = new List<int>();
        var cols = new List<int>();
        foreach (var (r, c) in entries)
        {
            long key = (long)r * size + c;
            if (_slots.ContainsKey(key))
                continue;
            _slots[key] = rows.Count;
            rows.Add(r);
            cols.Add(c);
        }
        _rowOf = rows.ToArray();
        _colOf = cols.ToArray();
        _lu = new Complex[size * size];
        _perm = new int[size];
    }

    public int Size { get; }
    public int NonZeros => _rowOf.Length;

    public int IndexOf(int row, int column) =>
        _slots.TryGetValue((long)row * Size + column, out int s) ? s : throw new ArgumentException($"({row}, {column}) is not in the pattern");

    public void Factor(ReadOnlySpan<Complex> values)
    {
        int n = Size;
        Array.Clear(_lu);
        for (int k = 0; k < _rowOf.Length; k++)
            _lu[_rowOf[k] * n + _colOf[k]] += values[k];
        for (int i = 0; i < n; i++)
            _perm[i] = i;
        double scale = 0;
        foreach (var v in values)
            scale = Math.Max(scale, v.Magnitude);
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            double best = _lu[col * n + col].Magnitude;
            for (int r = col + 1; r < n; r++)
            {
                double m = _lu[r * n + col].Magnitude;
                if (m > best)
                {
                    best = m;
                    pivot = r;
                }
            }
            if (best <= scale * 1e-300 || best == 0)
                throw new SingularNetworkException(col, _nodeName(col));
            if (pivot != col)
            {
                for (int c = 0; c < n; c++)
                    (_lu[col * n + c], _lu[pivot * n + c]) = (_lu[pivot * n + c], _lu[col * n + c]);
                (_perm[col], _perm[pivot]) = (_perm[pivot], _perm[col]);
            }
            Complex d = _lu[col * n + col];
            for (int r = col + 1; r < n; r++)
            {
                Complex f = _lu[r * n + col] / d;
                _lu[r * n + col] = f;
                if (f == Complex.Zero)
                    continue;
                for (int c = col + 1; c < n; c++)
                    _lu[r * n + c] -= f * _lu[col * n + c];
            }
        }
    }

    public void Refactor(ReadOnlySpan<Complex> values) => Factor(values);

    public void Solve(Span<Complex> rhs)
    {
        int n = Size;
        Span<Complex> y = n <= 512 ? stackalloc Complex[n] : new Complex[n];
        for (int i = 0; i < n; i++)
            y[i] = rhs[_perm[i]];
        for (int i = 0; i < n; i++)
        {
            Complex s = y[i];
            for (int j = 0; j < i; j++)
                s -= _lu[i * n + j] * y[j];
            y[i] = s;
        }
        for (int i = n - 1; i >= 0; i--)
        {
            Complex s = y[i];
            for (int j = i + 1; j < n; j++)
                s -= _lu[i * n + j] * y[j];
            y[i] = s / _lu[i * n + i];
        }
        y.CopyTo(rhs);
    }

    public void SolveTransposed(Span<Complex> rhs)
    {
        // P A = L U  =>  A^T = U^T L^T P ; solve U^T z = b, L^T w = z, x = P^T w.
        int n = Size;
        Span<Complex> z = n <= 512 ? stackalloc Complex[n] : new Complex[n];
        for (int i = 0; i < n; i++)
        {
            Complex s = rhs[i];
            for (int j = 0; j < i; j++)
                s -= _lu[j * n + i] * z[j];
            z[i] = s / _lu[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            Complex s = z[i];
            for (int j = i + 1; j < n; j++)
                s -= _lu[j * n + i] * z[j];
            z[i] = s;
        }
        for (int i = 0; i < n; i++)
            rhs[_perm[i]] = z[i];
    }
}
