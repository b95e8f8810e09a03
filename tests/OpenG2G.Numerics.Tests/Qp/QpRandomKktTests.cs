using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Qp;

namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>
/// Hundreds of seeded random convex QPs of varied shape (1-60 variables, 0-2n rows, equality,
/// one-sided, two-sided and free rows, singular and regular P) and conditioning (column scales
/// spread over 0, 2 or 4 decades): each must be reported solved, satisfy the optimality conditions
/// checked on the dense data, and be no worse than a feasible point known by construction.
/// </summary>
public class QpRandomKktTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<int> Batches => new() { 0, 1, 2, 3, 4, 5 };

    [Theory]
    [MemberData(nameof(Batches))]
    public void Random_convex_qps_satisfy_the_kkt_conditions(int batch)
    {
        var settings = new QpSettings { AbsoluteTolerance = Tolerance, RelativeTolerance = Tolerance, MaxIterations = 50_000 };
        var failures = new List<string>();
        for (int k = 0; k < 50; k++)
        {
            int seed = batch * 50 + k;
            var qp = Generate(seed);
            var result = new QpSolver(settings).Solve(qp.Problem);
            var kkt = KktCheck.Of(qp, result);
            if (result.Status != QpStatus.Solved)
                failures.Add($"seed {seed}: {result.Status} after {result.Iterations} iterations ({kkt})");
            else if (!kkt.Holds(Tolerance, Tolerance, slack: 2))
                failures.Add($"seed {seed}: {kkt}");
            else if (qp.Objective(result.X) > qp.Objective(qp.Feasible) + 1e-6 * Math.Max(1, Math.Abs(qp.Objective(qp.Feasible))))
                failures.Add($"seed {seed}: objective {qp.Objective(result.X):g6} above the feasible point's {qp.Objective(qp.Feasible):g6}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Polished_solutions_meet_much_tighter_conditions()
    {
        var settings = new QpSettings { Polish = true };
        int polished = 0;
        for (int seed = 1000; seed < 1100; seed++)
        {
            var qp = Generate(seed);
            var result = new QpSolver(settings).Solve(qp.Problem);
            Assert.Equal(QpStatus.Solved, result.Status);
            if (!result.Polished)
                continue;
            polished++;
            var kkt = KktCheck.Of(qp, result);
            Assert.True(kkt.Holds(1e-7, 1e-7, slack: 1), $"seed {seed}: {kkt}");
        }
        // Polishing is a guess of the active set; on these problems it should almost always be right.
        Assert.True(polished >= 80, $"only {polished} of 100 solutions were polished");
    }

    /// <summary>Shape and conditioning vary with the seed.</summary>
    internal static RandomQp Generate(int seed)
    {
        var random = new SimRandom((ulong)(seed + 1));
        int n = 1 + random.NextInt(60);
        int m = random.NextInt(2 * n + 1);
        double decades = (seed % 3) * 2.0;
        double density = 0.05 + 0.3 * random.NextDouble();
        bool singular = seed % 4 == 3;
        return RandomQp.Create(random, n, m, decades, density, singular);
    }
}
