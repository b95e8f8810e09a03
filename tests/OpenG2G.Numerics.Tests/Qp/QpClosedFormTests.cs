using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Qp;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>
/// QPs whose solution is known in closed form: box-constrained least squares with orthogonal
/// columns (the unconstrained optimum clipped to the box) and equality-constrained QPs (one dense
/// KKT solve written here).
/// </summary>
public class QpClosedFormTests
{
    [Theory]
    [InlineData(1, 6, 4)]
    [InlineData(2, 30, 12)]
    [InlineData(3, 80, 40)]
    public void Box_constrained_least_squares_with_orthogonal_columns_is_the_clipped_unconstrained_optimum(int seed, int rows, int n)
    {
        // min ||C x - d||^2 subject to lo <= x <= hi, C = Q diag(s) with orthonormal Q: C^T C = diag(s^2)
        // is diagonal, so the problem separates and x*_j = clip((C^T d)_j / s_j^2, lo_j, hi_j).
        var random = new SimRandom((ulong)seed);
        double[,] c = OrthonormalColumns(random, rows, n);
        var s = Enumerable.Range(0, n).Select(_ => Math.Pow(10, random.NextUniform(-1, 1))).ToArray();
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < n; j++)
                c[i, j] *= s[j];
        }
        var d = Enumerable.Range(0, rows).Select(_ => 3 * random.NextGaussian()).ToArray();
        var lo = Enumerable.Range(0, n).Select(_ => -random.NextDouble()).ToArray();
        var hi = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        double[,] p = DenseReal.Product(DenseReal.Transpose(c), c);
        var q = DenseReal.MultiplyTransposed(c, d).Select(v => -v).ToArray();
        var identity = new double[n, n];
        for (int j = 0; j < n; j++)
            identity[j, j] = 1;
        var problem = new QpProblem(SparseMatrix.FromDense(p).UpperTriangle(), q, SparseMatrix.FromDense(identity), lo, hi);

        var result = new QpSolver(new QpSettings { Polish = true }).Solve(problem);

        Assert.Equal(QpStatus.Solved, result.Status);
        Assert.True(result.Polished);
        var ctd = DenseReal.MultiplyTransposed(c, d);
        for (int j = 0; j < n; j++)
        {
            double expected = Math.Clamp(ctd[j] / (s[j] * s[j]), lo[j], hi[j]);
            Assert.Equal(expected, result.X[j], 1e-8);
        }
    }

    [Theory]
    [InlineData(4, 5, 2)]
    [InlineData(5, 25, 10)]
    [InlineData(6, 60, 30)]
    public void Equality_constrained_qp_matches_the_dense_kkt_solve(int seed, int n, int m)
    {
        // min 1/2 x^T P x + q^T x subject to A x = b: [P A^T; A 0] [x; y] = [-q; b].
        var random = new SimRandom((ulong)seed);
        var f = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                f[i, j] = random.NextDouble() < 0.3 ? random.NextGaussian() : 0;
            f[i, i] += 1;
        }
        double[,] p = DenseReal.Product(f, DenseReal.Transpose(f));
        var a = new double[m, n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
                a[i, j] = random.NextDouble() < 0.4 || j == i ? random.NextGaussian() : 0;
        }
        var q = Enumerable.Range(0, n).Select(_ => random.NextGaussian()).ToArray();
        var b = Enumerable.Range(0, m).Select(_ => random.NextGaussian()).ToArray();
        var kkt = new double[n + m, n + m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                kkt[i, j] = p[i, j];
        }
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
                kkt[n + i, j] = kkt[j, n + i] = a[i, j];
        }
        double[] reference = DenseReal.Solve(kkt, q.Select(v => -v).Concat(b).ToArray());
        var problem = new QpProblem(SparseMatrix.FromDense(p).UpperTriangle(), q, SparseMatrix.FromDense(a), b, b);

        var result = new QpSolver(new QpSettings { AbsoluteTolerance = 1e-9, RelativeTolerance = 1e-9, MaxIterations = 20_000 }).Solve(problem);

        Assert.Equal(QpStatus.Solved, result.Status);
        double scale = Math.Max(1, DenseReal.NormInf(reference));
        for (int j = 0; j < n; j++)
            Assert.Equal(reference[j], result.X[j], 1e-6 * scale);
        for (int i = 0; i < m; i++)
            Assert.Equal(reference[n + i], result.Y[i], 1e-6 * scale);
    }

    [Fact]
    public void A_one_variable_qp_gives_its_hand_computed_optimum_and_objective()
    {
        // min 2 x^2 - 4 x subject to x <= 0.5: unconstrained optimum 1, so x* = 0.5, y* = 4 - 4 x* = 2,
        // objective 2 (0.25) - 2 = -1.5.
        var problem = new QpProblem(SparseMatrix.FromDense(new double[,] { { 4 } }), [-4.0],
            SparseMatrix.FromDense(new double[,] { { 1 } }), [double.NegativeInfinity], [0.5]);

        var result = new QpSolver(new QpSettings { Polish = true }).Solve(problem);

        Assert.Equal(QpStatus.Solved, result.Status);
        Assert.Equal(0.5, result.X[0], 1e-9);
        Assert.Equal(2.0, result.Y[0], 1e-9);
        Assert.Equal(-1.5, result.Objective, 1e-9);
    }

    /// <summary>Gram-Schmidt on Gaussian columns (twice, for orthogonality to rounding level).</summary>
    private static double[,] OrthonormalColumns(SimRandom random, int rows, int columns)
    {
        var q = new double[rows, columns];
        for (int j = 0; j < columns; j++)
        {
            var v = Enumerable.Range(0, rows).Select(_ => random.NextGaussian()).ToArray();
            for (int pass = 0; pass < 2; pass++)
            {
                for (int k = 0; k < j; k++)
                {
                    double dot = Enumerable.Range(0, rows).Sum(i => q[i, k] * v[i]);
                    for (int i = 0; i < rows; i++)
                        v[i] -= dot * q[i, k];
                }
            }
            double norm = Math.Sqrt(v.Sum(x => x * x));
            for (int i = 0; i < rows; i++)
                q[i, j] = v[i] / norm;
        }
        return q;
    }
}
