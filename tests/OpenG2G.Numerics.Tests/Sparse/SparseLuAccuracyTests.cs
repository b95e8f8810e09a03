using System.Numerics;
using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

/// <summary>Sparse solutions against the dense reference LU and against the residual, over seeded random matrices.</summary>
public class SparseLuAccuracyTests
{
    public static TheoryData<string, int, ulong> Cases()
    {
        var data = new TheoryData<string, int, ulong>();
        foreach (string kind in Kinds)
        {
            foreach (int size in new[] { 1, 2, 5, 30, 200 })
            {
                for (ulong seed = 1; seed <= 3; seed++)
                    data.Add(kind, size, seed);
            }
        }
        return data;
    }

    private static readonly string[] Kinds =
    [
        "dominant-symmetric-pattern",
        "dominant-unsymmetric-pattern",
        "general-symmetric-pattern",
        "general-unsymmetric-pattern",
        "complex-symmetric",
        "shuffled-rows",
    ];

    internal static TestMatrix Build(string kind, int size, SimRandom random) => kind switch
    {
        "dominant-symmetric-pattern" => RandomMatrices.DiagonallyDominant(random, size, 4, symmetricPattern: true),
        "dominant-unsymmetric-pattern" => RandomMatrices.DiagonallyDominant(random, size, 4, symmetricPattern: false),
        "general-symmetric-pattern" => RandomMatrices.General(random, size, 3, symmetricPattern: true),
        "general-unsymmetric-pattern" => RandomMatrices.General(random, size, 3, symmetricPattern: false),
        "complex-symmetric" => RandomMatrices.General(random, size, 3, symmetricPattern: true, symmetricValues: true),
        "shuffled-rows" => RandomMatrices.ShuffledRows(random, size, 3),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown matrix kind"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solve_agrees_with_dense_lu_with_a_tiny_backward_error(string kind, int size, ulong seed)
    {
        var random = new SimRandom(seed);
        var matrix = Build(kind, size, random);
        var pattern = matrix.Pattern();
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(matrix.ValuesFor(pattern));
        var b = RandomMatrices.Vector(random, size);

        var x = (Complex[])b.Clone();
        lu.Solve(x);

        // Threshold pivoting (tolerance 1e-3) lets entries grow more than dense partial pivoting
        // does; the backward error stays far below 1e-12 all the same.
        double backwardError = matrix.BackwardError(x, b);
        Assert.True(backwardError < 1e-12, $"backward error {backwardError:e2}");
        var reference = DenseComplexLu.Solve(matrix.ToDense(), b);
        double difference = TestMatrix.RelativeDifference(x, reference);
        Assert.True(difference < 1e-9, $"relative difference to dense LU {difference:e2}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SolveTransposed_agrees_with_dense_lu_of_the_plain_transpose(string kind, int size, ulong seed)
    {
        var random = new SimRandom(seed + 1000);
        var matrix = Build(kind, size, random);
        var pattern = matrix.Pattern();
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(matrix.ValuesFor(pattern));
        var b = RandomMatrices.Vector(random, size);

        var x = (Complex[])b.Clone();
        lu.SolveTransposed(x);

        double backwardError = matrix.BackwardError(x, b, transposed: true);
        Assert.True(backwardError < 1e-12, $"backward error of A^T x = b: {backwardError:e2}");
        var reference = DenseComplexLu.Solve(DenseComplexLu.Transpose(matrix.ToDense()), b);
        double difference = TestMatrix.RelativeDifference(x, reference);
        Assert.True(difference < 1e-9, $"relative difference to dense LU of A^T {difference:e2}");
    }

    [Fact]
    public void SolveTransposed_is_not_the_conjugate_transpose()
    {
        // [[1, i], [0, 1]]^T x = [1, 0]  =>  x = [1, -i]; the conjugate transpose would give [1, i].
        var m = new TestMatrix(2);
        m.Set(0, 0, 1);
        m.Set(0, 1, Complex.ImaginaryOne);
        m.Set(1, 1, 1);
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(m.ValuesFor(pattern));
        Complex[] x = [1, 0];

        lu.SolveTransposed(x);

        Assert.Equal(new Complex(1, 0), x[0]);
        Assert.Equal(new Complex(0, -1), x[1]);
    }

    [Fact]
    public void Solving_twice_with_the_same_factors_gives_identical_bits()
    {
        var random = new SimRandom(77);
        var matrix = RandomMatrices.General(random, 60, 3, symmetricPattern: false);
        var pattern = matrix.Pattern();
        var b = RandomMatrices.Vector(random, 60);
        var first = SparseLu.Analyze(pattern);
        var second = SparseLu.Analyze(pattern);
        first.Factor(matrix.ValuesFor(pattern));
        second.Factor(matrix.ValuesFor(pattern));
        var x1 = (Complex[])b.Clone();
        var x2 = (Complex[])b.Clone();

        first.Solve(x1);
        second.Solve(x2);

        Assert.Equal(x1, x2);
    }
}
