using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Qp;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>
/// A seeded random convex QP with dense copies of its data for independent checks, and a point
/// <see cref="Feasible"/> known to satisfy its constraints.
/// </summary>
internal sealed record RandomQp(QpProblem Problem, double[,] P, double[] Q, double[,] A, double[] L, double[] U, double[] Feasible)
{
    /// <summary>
    /// n variables, m random sparse rows (two-sided, one-sided, equality or free), P = S (M M^T + 0.1 I) S with
    /// column scales S spread over <paramref name="conditionDecades"/> decades; when M has fewer
    /// columns than n (P singular) a box on every variable keeps the problem bounded.
    /// </summary>
    public static RandomQp Create(SimRandom random, int n, int m, double conditionDecades, double density, bool singularP)
    {
        int rank = singularP ? Math.Max(1, n / 2) : n;
        var scale = Enumerable.Range(0, n).Select(_ => Math.Pow(10, conditionDecades * (random.NextDouble() - 0.5))).ToArray();
        var factor = new double[n, rank];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < rank; k++)
                factor[i, k] = (i == k % n || random.NextDouble() < density ? random.NextGaussian() : 0) * scale[i];
        }
        double[,] p = DenseReal.Product(factor, DenseReal.Transpose(factor));
        // A regular P gets 0.1 S^2 on its diagonal, so its smallest eigenvalue is at least 0.1 min s^2
        // and its condition number grows with the spread of the scales, as intended.
        for (int i = 0; i < n && !singularP; i++)
            p[i, i] += 0.1 * scale[i] * scale[i];
        var q = Enumerable.Range(0, n).Select(i => random.NextGaussian() * scale[i]).ToArray();
        var x0 = Enumerable.Range(0, n).Select(_ => random.NextGaussian()).ToArray();

        int rows = m + (singularP ? n : 0);
        var a = new double[rows, n];
        var l = new double[rows];
        var u = new double[rows];
        for (int i = 0; i < m; i++)
        {
            a[i, random.NextInt(n)] = random.NextGaussian();
            for (int j = 0; j < n; j++)
            {
                if (random.NextDouble() < density)
                    a[i, j] = random.NextGaussian();
            }
            double ax = Enumerable.Range(0, n).Sum(j => a[i, j] * x0[j]);
            (l[i], u[i]) = random.NextInt(10) switch
            {
                0 => (ax, ax),
                1 => (ax - random.NextDouble(), double.PositiveInfinity),
                2 => (double.NegativeInfinity, ax + random.NextDouble()),
                3 => (double.NegativeInfinity, double.PositiveInfinity),
                _ => (ax - random.NextDouble(), ax + random.NextDouble()),
            };
        }
        for (int j = 0; j < (singularP ? n : 0); j++)
        {
            a[m + j, j] = 1;
            (l[m + j], u[m + j]) = (x0[j] - 1 - random.NextDouble(), x0[j] + 1 + random.NextDouble());
        }
        var problem = new QpProblem(SparseMatrix.FromDense(p).UpperTriangle(), q, SparseMatrix.FromDense(a), l, u);
        return new RandomQp(problem, p, q, a, l, u, x0);
    }

    public double Objective(IReadOnlyList<double> x)
    {
        var px = DenseReal.Multiply(P, x);
        return Enumerable.Range(0, x.Count).Sum(j => x[j] * (0.5 * px[j] + Q[j]));
    }
}
