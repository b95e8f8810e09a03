using System.Numerics;
using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

public class SparseLuRefactorTests
{
    private static Complex[] Perturbed(Complex[] values, SimRandom random, double relative)
    {
        var result = new Complex[values.Length];
        for (int p = 0; p < values.Length; p++)
            result[p] = values[p] * (1 + relative * RandomMatrices.NextComplex(random));
        return result;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Refactor_gives_the_same_bits_as_a_fresh_factorisation_when_pivots_agree(ulong seed)
    {
        var random = new SimRandom(seed);
        var m = RandomMatrices.DiagonallyDominant(random, 150, 4, symmetricPattern: true);
        var pattern = m.Pattern();
        var first = m.ValuesFor(pattern);
        var second = Perturbed(first, random, 0.2);
        var b = RandomMatrices.Vector(random, 150);
        var reused = SparseLu.Analyze(pattern);
        reused.Factor(first);
        var fresh = SparseLu.Analyze(pattern);
        fresh.Factor(second);

        reused.Refactor(second);

        Assert.False(reused.LastRefactorFellBack);
        var x1 = (Complex[])b.Clone();
        var x2 = (Complex[])b.Clone();
        reused.Solve(x1);
        fresh.Solve(x2);
        Assert.Equal(x2, x1);
    }

    [Fact]
    public void Refactor_of_a_matrix_that_needed_pivoting_solves_new_values_accurately()
    {
        var random = new SimRandom(21);
        var m = RandomMatrices.ShuffledRows(random, 120, 3);
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(m.ValuesFor(pattern));
        var changed = new TestMatrix(120);
        var newValues = Perturbed(m.ValuesFor(pattern), random, 0.01);
        foreach (var key in m.Entries.Keys)
            changed.Set(key.Row, key.Column, newValues[pattern.IndexOf(key.Row, key.Column)]);
        var b = RandomMatrices.Vector(random, 120);

        lu.Refactor(newValues);
        var x = (Complex[])b.Clone();
        lu.Solve(x);

        Assert.False(lu.LastRefactorFellBack);
        Assert.True(changed.BackwardError(x, b) < 1e-12);
        Assert.True(TestMatrix.RelativeDifference(x, DenseComplexLu.Solve(changed.ToDense(), b)) < 1e-9);
    }

    [Fact]
    public void A_reused_pivot_that_became_zero_makes_refactor_factor_afresh()
    {
        // [[5, 2], [3, 1]] factors on its diagonal; then the diagonal entry of the column
        // eliminated first becomes 0, so that reused pivot is unusable while the matrix stays
        // regular. By hand, with b = [4, 5]: a(0,0) = 0 gives x = (1, 2); a(1,1) = 0 gives
        // x = (5/3, -13/6).
        var m = new TestMatrix(2);
        m.Set(0, 0, 5); m.Set(0, 1, 2);
        m.Set(1, 0, 3); m.Set(1, 1, 1);
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(m.ValuesFor(pattern));
        int first = lu.ColumnOrder[0];
        m.Set(first, first, 0);

        lu.Refactor(m.ValuesFor(pattern));
        Complex[] x = [4, 5];
        lu.Solve(x);

        Assert.True(lu.LastRefactorFellBack);
        var expected = first == 0 ? new[] { 1.0, 2.0 } : new[] { 5.0 / 3, -13.0 / 6 };
        Assert.Equal(expected[0], x[0].Real, 14);
        Assert.Equal(expected[1], x[1].Real, 14);
        Assert.Equal(0.0, x[0].Imaginary);
        Assert.Equal(0.0, x[1].Imaginary);
    }

    [Fact]
    public void A_reused_pivot_below_the_threshold_makes_refactor_factor_afresh()
    {
        var random = new SimRandom(8);
        var m = RandomMatrices.DiagonallyDominant(random, 40, 3, symmetricPattern: true);
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(m.ValuesFor(pattern));
        int column = lu.ColumnOrder[0];
        m.Set(column, column, m.Entries[(column, column)] * 1e-9);
        var b = RandomMatrices.Vector(random, 40);

        lu.Refactor(m.ValuesFor(pattern));
        var x = (Complex[])b.Clone();
        lu.Solve(x);

        Assert.True(lu.LastRefactorFellBack);
        Assert.True(m.BackwardError(x, b) < 1e-12);
    }

    [Fact]
    public void Refactor_before_any_factorisation_factors()
    {
        var random = new SimRandom(4);
        var m = RandomMatrices.General(random, 30, 3, symmetricPattern: false);
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);
        var b = RandomMatrices.Vector(random, 30);

        lu.Refactor(m.ValuesFor(pattern));
        var x = (Complex[])b.Clone();
        lu.Solve(x);

        Assert.True(m.BackwardError(x, b) < 1e-12);
    }

    [Fact]
    public void Refactor_reports_a_matrix_that_became_singular()
    {
        var m = new TestMatrix(3);
        m.Set(0, 0, 4); m.Set(1, 1, 4); m.Set(2, 2, 4); m.Set(0, 2, 1); m.Set(2, 0, 1);
        var pattern = m.Pattern();
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(m.ValuesFor(pattern));
        m.Set(1, 1, 0);

        var error = Assert.Throws<SingularMatrixException>(() => lu.Refactor(m.ValuesFor(pattern)));

        Assert.Equal(1, error.Column);
    }
}
