using System.Numerics;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

public class SparseLuArgumentTests
{
    private static readonly SparsePattern Pattern = SparsePattern.FromEntries(3, [(0, 1), (1, 0)]);

    [Fact]
    public void Values_of_the_wrong_length_are_rejected()
    {
        var lu = SparseLu.Analyze(Pattern);

        var error = Assert.Throws<ArgumentException>(() => lu.Factor(new Complex[4]));

        Assert.Equal("got 4 values; the pattern has 5 entries (Parameter 'values')", error.Message);
    }

    [Fact]
    public void A_value_that_is_not_finite_is_rejected_by_position()
    {
        var lu = SparseLu.Analyze(Pattern);
        var values = new Complex[] { 1, 1, 1, 1, 1 };
        values[Pattern.IndexOf(0, 1)] = new Complex(double.NaN, 0);

        var error = Assert.Throws<ArgumentException>(() => lu.Refactor(values));

        Assert.Equal("values[2] (row 0, column 1) is <NaN; 0>; the matrix must be finite (Parameter 'values')", error.Message);
    }

    [Fact]
    public void Solving_before_factoring_is_refused()
    {
        var lu = SparseLu.Analyze(Pattern);

        var error = Assert.Throws<InvalidOperationException>(() => lu.SolveTransposed(new Complex[3]));

        Assert.Equal("no factors to solve with: call Factor (or Refactor) first, and successfully", error.Message);
    }

    [Fact]
    public void A_right_hand_side_of_the_wrong_length_is_rejected()
    {
        var lu = SparseLu.Analyze(Pattern);
        lu.Factor(new Complex[] { 2, 1, 1, 2, 2 });

        var error = Assert.Throws<ArgumentException>(() => lu.Solve(new Complex[2]));

        Assert.Equal("the right-hand side has 2 entries; the matrix has 3 rows (Parameter 'rhsInSolutionOut')", error.Message);
    }

    [Theory]
    [InlineData(0.0, 1e-14, "PivotTolerance", "must be in (0, 1]")]
    [InlineData(1.5, 1e-14, "PivotTolerance", "must be in (0, 1]")]
    [InlineData(0.1, -1.0, "SingularPivotTolerance", "must be in [0, 1)")]
    [InlineData(0.1, double.NaN, "SingularPivotTolerance", "must be in [0, 1)")]
    public void Options_out_of_range_are_rejected(double pivot, double singular, string name, string expected)
    {
        var options = new SparseLuOptions { PivotTolerance = pivot, SingularPivotTolerance = singular };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SparseLu.Analyze(Pattern, options));

        object actual = name == "PivotTolerance" ? pivot : singular;
        Assert.Equal($"{expected} (Parameter '{name}'){Environment.NewLine}Actual value was {actual}.", error.Message);
    }
}
