using System.Collections.Immutable;
using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Qp;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>Status reporting, determinism, reuse of the analysis and input checks of the QP solver.</summary>
public class QpSolverTests
{
    [Fact]
    public void The_same_problem_gives_the_same_bits()
    {
        var qp = RandomQp.Create(new SimRandom(3), 25, 30, 2, 0.3, singularP: true);
        var first = new QpSolver().Solve(qp.Problem);
        var solver = new QpSolver();
        solver.Solve(RandomQp.Create(new SimRandom(4), 25, 30, 2, 0.3, singularP: true).Problem);
        var second = solver.Solve(qp.Problem);

        Assert.Equal(first.Iterations, second.Iterations);
        Assert.Equal(first.X.Select(BitConverter.DoubleToInt64Bits), second.X.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(first.Y.Select(BitConverter.DoubleToInt64Bits), second.Y.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_new_pattern_is_analysed_again_and_the_same_pattern_is_not()
    {
        var solver = new QpSolver();
        var qp = RandomQp.Create(new SimRandom(5), 10, 8, 0, 0.3, singularP: false);
        solver.Solve(qp.Problem);
        solver.Solve(new QpProblem(qp.Problem.P, qp.Q.Select(v => -v).ToArray(), qp.Problem.A, qp.L, qp.U));
        Assert.Equal(1, solver.Analyses);

        solver.Solve(RandomQp.Create(new SimRandom(6), 10, 8, 0, 0.3, singularP: false).Problem);
        Assert.Equal(2, solver.Analyses);
    }

    [Fact]
    public void Stopping_at_the_iteration_limit_is_reported_and_not_taken_for_a_solution()
    {
        var qp = RandomQp.Create(new SimRandom(7), 40, 60, 4, 0.2, singularP: false);

        var result = new QpSolver(new QpSettings { MaxIterations = 2, AbsoluteTolerance = 1e-9, RelativeTolerance = 1e-9 }).Solve(qp.Problem);

        Assert.Equal(QpStatus.IterationLimit, result.Status);
        Assert.Equal(2, result.Iterations);
        Assert.False(result.HasSolution);
        Assert.True(double.IsNaN(result.Objective));
    }

    [Fact]
    public void A_limit_reached_within_ten_times_the_tolerance_is_solved_inaccurate()
    {
        // The run at 1e-5 stops at the first iterate meeting 1e-5; the run at 1e-6 follows the same
        // iterates (tolerances change only when to stop), so at that limit it meets 10 x 1e-6 but not 1e-6.
        var qp = RandomQp.Create(new SimRandom(8), 30, 40, 2, 0.3, singularP: false);
        var loose = new QpSolver(new QpSettings { CheckInterval = 1, AbsoluteTolerance = 1e-5, RelativeTolerance = 1e-5 }).Solve(qp.Problem);
        Assert.Equal(QpStatus.Solved, loose.Status);

        var tight = new QpSolver(new QpSettings { CheckInterval = 1, AbsoluteTolerance = 1e-6, RelativeTolerance = 1e-6, MaxIterations = loose.Iterations }).Solve(qp.Problem);

        Assert.Equal(QpStatus.SolvedInaccurate, tight.Status);
        Assert.True(tight.HasSolution);
        Assert.Equal(loose.Iterations, tight.Iterations);
        Assert.Equal(0.0, loose.X.Zip(tight.X, (a, b) => Math.Abs(a - b)).Max());
    }

    [Fact]
    public void A_problem_without_constraints_is_solved_by_the_linear_system()
    {
        // min 1/2 x^T P x + q^T x: x* = -P^-1 q.
        var p = new double[,] { { 4, 1 }, { 1, 3 } };
        var q = new[] { 1.0, 2.0 };
        var problem = new QpProblem(SparseMatrix.FromDense(p).UpperTriangle(), q, SparseMatrix.Empty(0, 2), [], []);

        var result = new QpSolver(new QpSettings { AbsoluteTolerance = 1e-10, RelativeTolerance = 1e-10 }).Solve(problem);

        double[] expected = DenseReal.Solve(p, q.Select(v => -v).ToArray());
        Assert.Equal(QpStatus.Solved, result.Status);
        Assert.Equal(expected[0], result.X[0], 1e-8);
        Assert.Equal(expected[1], result.X[1], 1e-8);
    }

    [Fact]
    public void Malformed_problems_and_settings_are_refused_with_what_is_wrong()
    {
        var p = SparseMatrix.FromDense(new double[,] { { 1 } });
        var a = SparseMatrix.FromDense(new double[,] { { 1 } });
        Assert.Contains("lower bound 2 exceeds upper bound 1", Assert.Throws<ArgumentException>(() => new QpProblem(p, [0.0], a, [2.0], [1.0])).Message);
        Assert.Contains("must be 1 x 1", Assert.Throws<ArgumentException>(() => new QpProblem(SparseMatrix.Empty(2, 2), [0.0], a, [0.0], [1.0])).Message);
        Assert.Contains("q[0] is NaN", Assert.Throws<ArgumentException>(() => new QpProblem(p, [double.NaN], a, [0.0], [1.0])).Message);
        Assert.Contains("upper triangle", Assert.Throws<ArgumentException>(() =>
            new QpProblem(SparseMatrix.FromDense(new double[,] { { 1, 1 }, { 1, 1 } }), [0.0, 0.0], SparseMatrix.Empty(0, 2), [], [])).Message);
        Assert.Contains("l = +inf", Assert.Throws<ArgumentException>(() => new QpProblem(p, [0.0], a, [double.PositiveInfinity], [double.PositiveInfinity])).Message);

        Assert.Equal("Alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new QpSolver(new QpSettings { Alpha = 2 })).ParamName);
        var problem = new QpProblem(p, [0.0], a, [0.0], [1.0]);
        Assert.Contains("2 primal values", Assert.Throws<ArgumentException>(() =>
            new QpSolver().Solve(problem, new QpWarmStart(ImmutableArray.Create(0.0, 0.0)))).Message);
    }
}
