using System.Numerics;
using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

public class SparseLuPivotingTests
{
    private static SparseLu Factored(TestMatrix m)
    {
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(m.ValuesFor(pattern));
        return lu;
    }

    [Fact]
    public void Ideal_voltage_source_in_modified_nodal_form_needs_an_off_diagonal_pivot()
    {
        // Unknowns v1, v2 and the source current i (zero diagonal). Source E at node 1, Z1 from
        // node 1 to 2, Z2 from node 2 to ground. By hand: v1 = E, v2 = E Z2 / (Z1 + Z2),
        // i = E / (Z1 + Z2).
        Complex e = Complex.FromPolarCoordinates(7200, -0.3);
        Complex z1 = new(0.4, 1.1), z2 = new(30, 12);
        Complex g1 = 1 / z1, g2 = 1 / z2;
        var m = new TestMatrix(3);
        m.Set(0, 0, g1); m.Set(0, 1, -g1); m.Set(0, 2, -1);
        m.Set(1, 0, -g1); m.Set(1, 1, g1 + g2);
        m.Set(2, 0, 1); m.Set(2, 2, 0);
        var lu = Factored(m);
        Complex[] x = [0, 0, e];

        lu.Solve(x);

        Assert.True(Complex.Abs(x[0] - e) <= 1e-12 * Complex.Abs(e));
        Assert.True(Complex.Abs(x[1] - e * z2 / (z1 + z2)) <= 1e-12 * Complex.Abs(e));
        Assert.True(Complex.Abs(x[2] - e / (z1 + z2)) <= 1e-12 * Complex.Abs(e / (z1 + z2)));
    }

    [Fact]
    public void A_tiny_diagonal_is_passed_over_for_a_larger_pivot()
    {
        // [[eps, 1], [1, 1]] x = [1, 2]: x1 = 1 / (1 - eps), x2 = (1 - 2 eps) / (1 - eps). Using
        // eps as pivot would lose about half the digits; the threshold rule swaps rows.
        const double eps = 1e-10;
        var m = new TestMatrix(2);
        m.Set(0, 0, eps); m.Set(0, 1, 1);
        m.Set(1, 0, 1); m.Set(1, 1, 1);
        var lu = Factored(m);
        Complex[] x = [1, 2];

        lu.Solve(x);

        Assert.Equal(1 / (1 - eps), x[0].Real, 15);
        Assert.Equal((1 - 2 * eps) / (1 - eps), x[1].Real, 15);
    }

    [Fact]
    public void A_column_of_zeros_is_named_in_the_exception()
    {
        var m = new TestMatrix(3);
        m.Set(0, 0, 2); m.Set(1, 0, 1); m.Set(2, 2, 3);
        m.Set(1, 1, 0); m.Set(0, 1, 0); m.Set(1, 2, 5);
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);

        var error = Assert.Throws<SingularMatrixException>(() => lu.Factor(m.ValuesFor(pattern)));

        Assert.Equal(1, error.Column);
        Assert.Equal("the matrix is singular: column 1 has no usable pivot (every candidate is at most 1e-14 times the column's largest entry)", error.Message);
    }

    [Fact]
    public void A_floating_pair_of_nodes_is_found_numerically_singular()
    {
        // Nodes 0-2 are grounded; nodes 3 and 4 are joined only to each other: the rows of that
        // block sum to zero (a floating island) although every diagonal is nonzero.
        var m = new TestMatrix(5);
        Complex y = new(0.37, -2.9), ground = new(0.1, 0.02);
        for (int i = 0; i < 3; i++)
            m.Add(i, i, ground);
        foreach (var (a, b) in new[] { (0, 1), (1, 2), (3, 4) })
        {
            m.Add(a, a, y); m.Add(b, b, y);
            m.Add(a, b, -y); m.Add(b, a, -y);
        }
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);

        var error = Assert.Throws<SingularMatrixException>(() => lu.Factor(m.ValuesFor(pattern)));

        Assert.Contains(error.Column, new[] { 3, 4 });
        Assert.Equal($"the matrix is singular: column {error.Column} has no usable pivot (every candidate is at most 1e-14 times the column's largest entry)", error.Message);
    }

    [Fact]
    public void Two_equal_columns_are_found_singular_at_one_of_them()
    {
        var random = new SimRandom(11);
        var m = RandomMatrices.DiagonallyDominant(random, 8, 3, symmetricPattern: false);
        foreach (var ((row, column), value) in m.Entries.Where(e => e.Key.Column == 2).ToList())
            m.Set(row, 5, value);
        foreach (var key in m.Entries.Keys.Where(k => k.Column == 5).ToList())
        {
            if (!m.Entries.ContainsKey((key.Row, 2)))
                m.Set(key.Row, 5, 0);
        }
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);

        var error = Assert.Throws<SingularMatrixException>(() => lu.Factor(m.ValuesFor(pattern)));

        Assert.Contains(error.Column, new[] { 2, 5 });
    }

    [Fact]
    public void After_a_singular_factorisation_solving_is_refused()
    {
        var m = new TestMatrix(2);
        m.Set(0, 0, 1); m.Set(1, 1, 0);
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);
        Assert.Throws<SingularMatrixException>(() => lu.Factor(m.ValuesFor(pattern)));

        var error = Assert.Throws<InvalidOperationException>(() => lu.Solve(new Complex[2]));

        Assert.Equal("no factors to solve with: call Factor (or Refactor) first, and successfully", error.Message);
    }

    [Fact]
    public void Plain_partial_pivoting_is_available_through_the_options()
    {
        // With tolerance 1 the largest candidate always wins, so the 0.5 diagonal gives way to 1.
        var m = new TestMatrix(2);
        m.Set(0, 0, 0.5); m.Set(0, 1, 1);
        m.Set(1, 0, 1); m.Set(1, 1, 0);
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern, new SparseLuOptions { PivotTolerance = 1 });
        lu.Factor(m.ValuesFor(pattern));
        Complex[] x = [2, 1];

        lu.Solve(x);

        // 0.5 x1 + x2 = 2, x1 = 1  =>  x2 = 1.5; both pivots are 1 in magnitude.
        Assert.Equal(new Complex(1, 0), x[0]);
        Assert.Equal(new Complex(1.5, 0), x[1]);
        Assert.Equal(1.0, lu.PivotRatio);
    }
    [Theory]
    [InlineData(3e-200, 4e-200)]
    [InlineData(3e200, -4e200)]
    [InlineData(0.0, 1e-300)]
    public void Pivots_of_extreme_magnitude_are_inverted_without_overflow(double re, double im)
    {
        // x = b / a by hand for the 1 x 1 system; |a|^2 itself would under- or overflow.
        var m = new TestMatrix(1);
        var a = new Complex(re, im);
        m.Set(0, 0, a);
        var lu = Factored(m);
        Complex b = new(2, 1);
        Complex[] x = [b];

        lu.Solve(x);

        Complex expected = b / a;
        Assert.True(Complex.Abs(x[0] - expected) <= 1e-15 * Complex.Abs(expected), $"{x[0]} vs {expected}");
    }
    [Fact]
    public void Fill_beyond_the_symbolic_estimate_grows_the_storage_and_stays_correct()
    {
        // Shuffled rows force off-diagonal pivots, whose fill the symmetric estimate does not foresee.
        var random = new SimRandom(31);
        var m = RandomMatrices.ShuffledRows(random, 250, 3);
        var lu = Factored(m);
        var b = RandomMatrices.Vector(random, 250);
        var x = (Complex[])b.Clone();

        lu.Solve(x);

        // L and U each start with room for the estimate plus 20 % plus n entries; more than twice
        // that in total means at least one of them had to grow.
        long lowerEstimate = (lu.EstimatedFactorNonZeros - 250) / 2;
        long roomEach = lowerEstimate + lowerEstimate / 5 + 250;
        Assert.True(lu.FactorNonZeros - 250 > 2 * roomEach, "storage never had to grow");
        Assert.True(m.BackwardError(x, b) < 1e-12);
    }
}
