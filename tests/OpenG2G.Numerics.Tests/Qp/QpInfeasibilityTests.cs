using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Qp;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>
/// Problems without a solution are reported as such, with certificates that are checked on the
/// data: for primal infeasibility a y with A^T y = 0 and u^T y+ + l^T y- &lt; 0 (no x can satisfy the
/// rows), for dual infeasibility a d with P d = 0, q^T d &lt; 0 and A d in the recession cone.
/// </summary>
public class QpInfeasibilityTests
{
    [Fact]
    public void Rows_that_cannot_hold_together_are_primal_infeasible_with_a_valid_certificate()
    {
        // x1 + x2 >= 3 with 0 <= x1, x2 <= 1.
        var a = new double[,] { { 1, 1 }, { 1, 0 }, { 0, 1 } };
        double[] l = [3, 0, 0], u = [double.PositiveInfinity, 1, 1];
        var problem = new QpProblem(Identity(2), [0.0, 0.0], SparseMatrix.FromDense(a), l, u);

        var result = new QpSolver().Solve(problem);

        Assert.Equal(QpStatus.PrimalInfeasible, result.Status);
        AssertPrimalCertificate(a, l, u, result.Certificate.ToArray());
        Assert.False(result.HasSolution);
    }

    [Fact]
    public void Random_problems_with_two_contradicting_rows_are_primal_infeasible()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var random = new SimRandom((ulong)(seed + 500));
            var qp = RandomQp.Create(random, 3 + random.NextInt(20), random.NextInt(15), 2, 0.3, singularP: seed % 2 == 0);
            int n = qp.Problem.Variables, m = qp.L.Length;
            var a = new double[m + 2, n];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                    a[i, j] = qp.A[i, j];
            }
            // c^T x <= -1 and c^T x >= 1.
            for (int j = 0; j < n; j++)
                a[m, j] = a[m + 1, j] = random.NextGaussian();
            var l = qp.L.Append(double.NegativeInfinity).Append(1).ToArray();
            var u = qp.U.Append(-1).Append(double.PositiveInfinity).ToArray();
            var problem = new QpProblem(qp.Problem.P, qp.Q, SparseMatrix.FromDense(a), l, u);

            var result = new QpSolver().Solve(problem);

            Assert.True(result.Status == QpStatus.PrimalInfeasible, $"seed {seed}: {result.Status} after {result.Iterations} iterations");
            AssertPrimalCertificate(a, l, u, result.Certificate.ToArray());
        }
    }

    [Fact]
    public void Contradicting_equalities_are_primal_infeasible()
    {
        var a = new double[,] { { 1 }, { 1 } };
        double[] b1 = [1, 2];
        var problem = new QpProblem(Identity(1), [0.0], SparseMatrix.FromDense(a), b1, b1);

        var result = new QpSolver().Solve(problem);

        Assert.Equal(QpStatus.PrimalInfeasible, result.Status);
        AssertPrimalCertificate(a, b1, b1, result.Certificate.ToArray());
    }

    [Theory]
    [InlineData("linear cost along a free direction")]
    [InlineData("equality row with a free direction")]
    [InlineData("singular P with a cost in its null space")]
    public void Costs_unbounded_below_are_dual_infeasible_with_a_valid_direction(string name)
    {
        var (p, q, a, l, u) = name switch
        {
            // min -x subject to x >= 0.
            "linear cost along a free direction" => (new double[1, 1], new[] { -1.0 }, new double[,] { { 1 } }, new[] { 0.0 }, new[] { double.PositiveInfinity }),
            // min x1 - x2 subject to x1 + x2 = 1: d = (-1, 1) keeps the row and lowers the cost.
            "equality row with a free direction" => (new double[2, 2], new[] { 1.0, -1.0 }, new double[,] { { 1, 1 } }, new[] { 1.0 }, new[] { 1.0 }),
            // min 1/2 x1^2 - x2 subject to -1 <= x1 <= 1.
            _ => (new double[,] { { 1, 0 }, { 0, 0 } }, new[] { 0.0, -1.0 }, new double[,] { { 1, 0 } }, new[] { -1.0 }, new[] { 1.0 }),
        };
        var problem = new QpProblem(SparseMatrix.FromDense(p).UpperTriangle(), q, SparseMatrix.FromDense(a), l, u);

        var result = new QpSolver().Solve(problem);

        Assert.Equal(QpStatus.DualInfeasible, result.Status);
        var d = result.Certificate.ToArray();
        double norm = DenseReal.NormInf(d);
        Assert.True(norm > 0);
        Assert.True(DenseReal.NormInf(DenseReal.Multiply(p, d)) <= 1e-4 * norm, "P d is not zero");
        Assert.True(q.Zip(d, (x, y) => x * y).Sum() < -1e-4 * norm, "q^T d is not negative");
        var ad = DenseReal.Multiply(a, d);
        for (int i = 0; i < ad.Length; i++)
        {
            if (!double.IsPositiveInfinity(u[i]))
                Assert.True(ad[i] <= 1e-4 * norm, $"row {i}: A d = {ad[i]} leaves the finite upper bound");
            if (!double.IsNegativeInfinity(l[i]))
                Assert.True(ad[i] >= -1e-4 * norm, $"row {i}: A d = {ad[i]} leaves the finite lower bound");
        }
    }

    [Fact]
    public void An_indefinite_cost_is_reported_non_convex_without_iterating()
    {
        var problem = new QpProblem(SparseMatrix.FromDense(new double[,] { { 1, 0 }, { 0, -1 } }).UpperTriangle(), [0.0, 0.0],
            SparseMatrix.FromDense(new double[,] { { 1, 1 } }), [-1.0], [1.0]);

        var result = new QpSolver().Solve(problem);

        Assert.Equal(QpStatus.NonConvex, result.Status);
        Assert.Equal(0, result.Iterations);
        Assert.True(double.IsNaN(result.Objective));
    }

    private static void AssertPrimalCertificate(double[,] a, double[] l, double[] u, double[] y)
    {
        double norm = DenseReal.NormInf(y);
        Assert.True(norm > 0, "empty certificate");
        Assert.True(DenseReal.NormInf(DenseReal.MultiplyTransposed(a, y)) <= 1e-4 * norm, "A^T y is not zero");
        double support = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] > 0)
            {
                Assert.False(double.IsPositiveInfinity(u[i]), $"y[{i}] > 0 points at an infinite upper bound");
                support += u[i] * y[i];
            }
            else if (y[i] < 0)
            {
                Assert.False(double.IsNegativeInfinity(l[i]), $"y[{i}] < 0 points at an infinite lower bound");
                support += l[i] * y[i];
            }
        }
        Assert.True(support < -1e-4 * norm, $"u^T y+ + l^T y- = {support} is not negative");
    }

    private static SparseMatrix Identity(int n)
    {
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
            d[i, i] = 1;
        return SparseMatrix.FromDense(d);
    }
}
