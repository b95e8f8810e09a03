namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>
/// Independent dense references for the sparse and QP code: Gaussian elimination with row partial
/// pivoting, products and norms on plain arrays, written without any of the code under test.
/// </summary>
internal static class DenseReal
{
    /// <summary>Solves a x = b; throws when a pivot is exactly zero.</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int k = 0; k < n; k++)
        {
            int pivot = k;
            for (int i = k + 1; i < n; i++)
            {
                if (Math.Abs(m[i, k]) > Math.Abs(m[pivot, k]))
                    pivot = i;
            }
            if (m[pivot, k] == 0)
                throw new InvalidOperationException($"dense reference: singular at column {k}");
            if (pivot != k)
            {
                for (int j = 0; j < n; j++)
                    (m[k, j], m[pivot, j]) = (m[pivot, j], m[k, j]);
                (x[k], x[pivot]) = (x[pivot], x[k]);
            }
            for (int i = k + 1; i < n; i++)
            {
                double f = m[i, k] / m[k, k];
                if (f == 0)
                    continue;
                for (int j = k; j < n; j++)
                    m[i, j] -= f * m[k, j];
                x[i] -= f * x[k];
            }
        }
        for (int k = n - 1; k >= 0; k--)
        {
            double sum = x[k];
            for (int j = k + 1; j < n; j++)
                sum -= m[k, j] * x[j];
            x[k] = sum / m[k, k];
        }
        return x;
    }

    public static double[] Multiply(double[,] a, IReadOnlyList<double> x)
    {
        var y = new double[a.GetLength(0)];
        for (int i = 0; i < y.Length; i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
                y[i] += a[i, j] * x[j];
        }
        return y;
    }

    public static double[] MultiplyTransposed(double[,] a, IReadOnlyList<double> y)
    {
        var x = new double[a.GetLength(1)];
        for (int j = 0; j < x.Length; j++)
        {
            for (int i = 0; i < a.GetLength(0); i++)
                x[j] += a[i, j] * y[i];
        }
        return x;
    }

    public static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
                t[j, i] = a[i, j];
        }
        return t;
    }

    public static double[,] Product(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var c = new double[n, m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double sum = 0;
                for (int t = 0; t < k; t++)
                    sum += a[i, t] * b[t, j];
                c[i, j] = sum;
            }
        }
        return c;
    }

    public static double NormInf(IEnumerable<double> v) => v.Select(Math.Abs).DefaultIfEmpty(0).Max();
}
