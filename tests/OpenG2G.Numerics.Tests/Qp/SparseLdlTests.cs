using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>
/// The LDL^T factorisation against the dense reference solve, on random positive definite and
/// quasi-definite matrices (the QP solver's KKT systems), with its inertia and failure modes.
/// </summary>
public class SparseLdlTests
{
    [Theory]
    [InlineData(1, 5, 0)]
    [InlineData(2, 40, 0)]
    [InlineData(3, 120, 0)]
    [InlineData(4, 30, 25)]
    [InlineData(5, 80, 60)]
    [InlineData(6, 1, 3)]
    public void Solves_quasi_definite_systems_like_the_dense_reference(int seed, int positive, int negative)
    {
        var random = new SimRandom((ulong)seed);
        double[,] dense = QuasiDefinite(random, positive, negative, density: 0.08);
        int size = positive + negative;
        var b = Enumerable.Range(0, size).Select(_ => random.NextGaussian()).ToArray();

        var ldl = SparseLdl.Analyze(UpperOf(dense));
        ldl.Factor(UpperOf(dense).Values);
        var x = (double[])b.Clone();
        ldl.Solve(x);
        double[] reference = DenseReal.Solve(dense, b);

        for (int i = 0; i < size; i++)
            Assert.Equal(reference[i], x[i], 1e-9 * Math.Max(1, DenseReal.NormInf(reference)));
        Assert.Equal(positive, ldl.PositivePivots);
    }

    [Fact]
    public void Refactoring_with_new_values_of_the_same_pattern_gives_the_new_solution()
    {
        var random = new SimRandom(11);
        double[,] first = QuasiDefinite(random, 20, 10, 0.2);
        var upper = UpperOf(first);
        var ldl = SparseLdl.Analyze(upper);
        ldl.Factor(upper.Values);

        // Same pattern, other values: scale the negative block and perturb every entry.
        var values = upper.Values.ToArray();
        for (int p = 0; p < values.Length; p++)
            values[p] *= 1 + 0.3 * random.NextDouble();
        var second = upper.WithValues(values);
        ldl.Factor(second.Values);
        var b = Enumerable.Range(0, 30).Select(i => (double)i).ToArray();
        var x = (double[])b.Clone();
        ldl.Solve(x);
        double[] reference = DenseReal.Solve(Symmetric(second), b);

        for (int i = 0; i < 30; i++)
            Assert.Equal(reference[i], x[i], 1e-9 * Math.Max(1, DenseReal.NormInf(reference)));
    }

    [Fact]
    public void Inertia_counts_the_positive_pivots_of_an_indefinite_but_factorable_matrix()
    {
        // diag(4, -1, 2) with coupling: eigenvalue signs (+, -, +) by Sylvester's law of inertia.
        var dense = new double[,] { { 4, 1, 0 }, { 1, -1, 0.5 }, { 0, 0.5, 2 } };
        var ldl = SparseLdl.Analyze(UpperOf(dense));
        ldl.Factor(UpperOf(dense).Values);

        Assert.Equal(2, ldl.PositivePivots);
    }

    [Fact]
    public void A_zero_pivot_is_reported_with_the_column_of_the_original_matrix()
    {
        var dense = new double[,] { { 1, 1, 0 }, { 1, 1, 0 }, { 0, 0, 3 } };
        var upper = UpperOf(dense);
        var ldl = SparseLdl.Analyze(upper);

        var e = Assert.Throws<SingularMatrixException>(() => ldl.Factor(upper.Values));
        Assert.InRange(e.Column, 0, 1);
        Assert.Contains("pivot", e.Message);
    }

    [Fact]
    public void A_lower_entry_or_a_wrong_value_count_is_refused()
    {
        var full = SparseMatrix.FromDense(new double[,] { { 2, 1 }, { 1, 2 } });
        Assert.Contains("upper triangle", Assert.Throws<ArgumentException>(() => SparseLdl.Analyze(full)).Message);

        var ldl = SparseLdl.Analyze(full.UpperTriangle());
        Assert.Contains("3 entries", Assert.Throws<ArgumentException>(() => ldl.Factor(new double[2])).Message);
        Assert.Throws<InvalidOperationException>(() => ldl.Solve(new double[2]));
    }

    /// <summary>[H B^T; B -G] with H and G diagonally dominant positive definite and B random sparse.</summary>
    internal static double[,] QuasiDefinite(SimRandom random, int positive, int negative, double density)
    {
        int size = positive + negative;
        var k = new double[size, size];
        for (int i = 0; i < size; i++)
        {
            for (int j = i + 1; j < size; j++)
            {
                if (random.NextDouble() >= density)
                    continue;
                bool bothNegative = i >= positive && j >= positive;
                double v = random.NextGaussian() * (bothNegative ? 0.1 : 1.0);
                k[i, j] = k[j, i] = v;
            }
        }
        for (int i = 0; i < size; i++)
        {
            double row = 0;
            for (int j = 0; j < size; j++)
            {
                if (j != i && (i < positive) == (j < positive))
                    row += Math.Abs(k[i, j]);
            }
            k[i, i] = (i < positive ? 1 : -1) * (row + 0.5 + random.NextDouble());
        }
        return k;
    }

    internal static SparseMatrix UpperOf(double[,] dense) => SparseMatrix.FromDense(dense).UpperTriangle();

    private static double[,] Symmetric(SparseMatrix upper)
    {
        var d = new double[upper.Rows, upper.Columns];
        for (int j = 0; j < upper.Columns; j++)
        {
            for (int p = upper.ColumnStarts[j]; p < upper.ColumnStarts[j + 1]; p++)
            {
                int i = upper.RowIndices[p];
                d[i, j] = d[j, i] = upper.Values[p];
            }
        }
        return d;
    }
}
