using System.Collections.Immutable;
using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Qp;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>
/// A sequence of nearby problems, as a receding-horizon controller produces: starting each solve
/// from the previous solution must take fewer iterations than starting from zero, and give
/// solutions that satisfy the same optimality conditions.
/// </summary>
public class QpWarmStartTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Warm_starts_need_fewer_iterations_than_cold_starts_on_nearby_problems(int seed)
    {
        var random = new SimRandom((ulong)seed);
        var baseQp = RandomQp.Create(random, 30, 40, 1, 0.2, singularP: false);
        var settings = new QpSettings { CheckInterval = 1, AbsoluteTolerance = 1e-5, RelativeTolerance = 1e-5 };
        var cold = new QpSolver(settings);
        var warm = new QpSolver(settings);
        QpResult? previous = null;
        int coldIterations = 0, warmIterations = 0;
        for (int step = 0; step < 30; step++)
        {
            var qp = Perturbed(baseQp, random, 0.02);
            var coldResult = cold.Solve(qp.Problem);
            var warmResult = warm.Solve(qp.Problem, previous is null ? null : new QpWarmStart(previous.X, previous.Y));
            Assert.Equal(QpStatus.Solved, coldResult.Status);
            Assert.Equal(QpStatus.Solved, warmResult.Status);
            Assert.True(KktCheck.Of(qp, warmResult).Holds(1e-5, 1e-5, slack: 2), KktCheck.Of(qp, warmResult).ToString());
            if (previous is not null)
            {
                coldIterations += coldResult.Iterations;
                warmIterations += warmResult.Iterations;
            }
            previous = warmResult;
        }
        Assert.True(warmIterations < coldIterations, $"warm {warmIterations} vs cold {coldIterations} iterations over 29 problems");
        Assert.Equal(1, warm.Analyses);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Keeping_the_setup_between_nearby_problems_still_solves_each_to_its_conditions(int seed)
    {
        // ReuseSetup keeps the first solve's scaling and the rho the previous solve ended with; each
        // solution must still meet the optimality conditions checked on its own problem's data.
        var random = new SimRandom((ulong)seed);
        var baseQp = RandomQp.Create(random, 30, 40, 2, 0.2, singularP: false);
        var solver = new QpSolver(new QpSettings { AbsoluteTolerance = 1e-5, RelativeTolerance = 1e-5, ReuseSetup = true });
        QpResult? previous = null;
        for (int step = 0; step < 20; step++)
        {
            var qp = Perturbed(baseQp, random, 0.05);
            var result = solver.Solve(qp.Problem, previous is null ? null : new QpWarmStart(previous.X, previous.Y));
            Assert.Equal(QpStatus.Solved, result.Status);
            Assert.True(KktCheck.Of(qp, result).Holds(1e-5, 1e-5, slack: 2), $"step {step}: {KktCheck.Of(qp, result)}");
            previous = result;
        }
    }

    [Fact]
    public void Starting_at_the_solution_stops_at_the_first_check()
    {
        var qp = RandomQp.Create(new SimRandom(9), 20, 25, 1, 0.3, singularP: false);
        var settings = new QpSettings { CheckInterval = 1, Polish = true };
        var solution = new QpSolver(settings).Solve(qp.Problem);
        Assert.True(solution.Polished);

        var again = new QpSolver(settings).Solve(qp.Problem, new QpWarmStart(solution.X, solution.Y));

        Assert.Equal(QpStatus.Solved, again.Status);
        Assert.Equal(1, again.Iterations);
    }

    /// <summary>The same matrices; q and the finite bounds moved by a relative amount.</summary>
    private static RandomQp Perturbed(RandomQp qp, SimRandom random, double amount)
    {
        var q = qp.Q.Select(v => v * (1 + amount * random.NextGaussian())).ToArray();
        var shift = qp.L.Select(_ => amount * random.NextGaussian()).ToArray();
        var l = qp.L.Select((v, i) => double.IsInfinity(v) ? v : v + shift[i]).ToArray();
        var u = qp.U.Select((v, i) => double.IsInfinity(v) ? v : v + shift[i]).ToArray();
        var problem = new QpProblem(qp.Problem.P, q, qp.Problem.A, l, u);
        return qp with { Problem = problem, Q = q, L = l, U = u };
    }
}
