using System.Numerics;

namespace OpenG2G.Grid.Network;

/// <summary>Dense complex matrix helpers for element primitives (orders up to a few dozen).</summary>
internal static class SmallMatrix
{
    /// <summary>The inverse of <paramref name="a"/> by Gauss-Jordan elimination with partial pivoting; null when singular.</summary>
    public static Complex[,]? Invert(Complex[,] a)
    {
        int n = a.GetLength(0);
        var m = (Complex[,])a.Clone();
        var inv = new Complex[n, n];
        for (int i = 0; i < n; i++)
            inv[i, i] = Complex.One;
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            double best = m[col, col].Magnitude;
            for (int r = col + 1; r < n; r++)
            {
                double mag = m[r, col].Magnitude;
                if (mag > best)
                {
                    best = mag;
                    pivot = r;
                }
            }
            if (best == 0.0)
                return null;
            if (pivot != col)
            {
                for (int c = 0; c < n; c++)
                {
                    (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                    (inv[col, c], inv[pivot, c]) = (inv[pivot, c], inv[col, c]);
                }
            }
            Complex d = m[col, col];
            for (int c = 0; c < n; c++)
            {
                m[col, c] /= d;
                inv[col, c] /= d;
            }
            for (int r = 0; r < n; r++)
            {
                if (r == col || m[r, col] == Complex.Zero)
                    continue;
                Complex f = m[r, col];
                for (int c = 0; c < n; c++)
                {
                    m[r, c] -= f * m[col, c];
                    inv[r, c] -= f * inv[col, c];
                }
            }
        }
        return inv;
    }

    /// <summary>[[A, -A], [-A, A]] plus <paramref name="shunt"/> on both diagonal blocks: a two-terminal series element.</summary>
    public static Complex[,] SeriesPrimitive(Complex[,] y, Complex[,]? shunt)
    {
        int n = y.GetLength(0);
        var p = new Complex[2 * n, 2 * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Complex s = shunt is null ? Complex.Zero : shunt[i, j];
                p[i, j] = y[i, j] + s;
                p[i + n, j + n] = y[i, j] + s;
                p[i, j + n] = -y[i, j];
                p[i + n, j] = -y[i, j];
            }
        }
        return p;
    }
}
