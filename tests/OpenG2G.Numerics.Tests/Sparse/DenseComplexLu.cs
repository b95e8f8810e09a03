using System.Numerics;

namespace OpenG2G.Numerics.Tests.Sparse;

/// <summary>
/// Independent reference for the sparse solver: textbook dense LU with full row partial pivoting
/// (largest modulus), written without any of the sparse code.
/// </summary>
internal static class DenseComplexLu
{
    /// <summary>Solves a x = b; throws when a pivot is exactly zero.</summary>
    public static Complex[] Solve(Complex[,] a, Complex[] b)
    {
        int n = b.Length;
        var m = (Complex[,])a.Clone();
        var x = (Complex[])b.Clone();
        for (int k = 0; k < n; k++)
        {
            int pivotRow = k;
            for (int i = k + 1; i < n; i++)
            {
                if (Complex.Abs(m[i, k]) > Complex.Abs(m[pivotRow, k]))
                    pivotRow = i;
            }
            if (m[pivotRow, k] == Complex.Zero)
                throw new InvalidOperationException($"dense reference: singular at column {k}");
            if (pivotRow != k)
            {
                for (int j = 0; j < n; j++)
                    (m[k, j], m[pivotRow, j]) = (m[pivotRow, j], m[k, j]);
                (x[k], x[pivotRow]) = (x[pivotRow], x[k]);
            }
            for (int i = k + 1; i < n; i++)
            {
                Complex factor = m[i, k] / m[k, k];
                if (factor == Complex.Zero)
                    continue;
                for (int j = k; j < n; j++)
                    m[i, j] -= factor * m[k, j];
                x[i] -= factor * x[k];
            }
        }
        for (int k = n - 1; k >= 0; k--)
        {
            Complex sum = x[k];
            for (int j = k + 1; j < n; j++)
                sum -= m[k, j] * x[j];
            x[k] = sum / m[k, k];
        }
        return x;
    }

    public static Complex[,] Transpose(Complex[,] a)
    {
        int n = a.GetLength(0);
        var t = new Complex[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                t[j, i] = a[i, j];
        }
        return t;
    }
}
