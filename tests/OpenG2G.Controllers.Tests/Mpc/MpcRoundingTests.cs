using System.Collections.Immutable;
using OpenG2G.Controllers.Mpc;

namespace OpenG2G.Controllers.Tests.Mpc;

/// <summary>The documented rounding rule from log2(batch) to a feasible size.</summary>
public class MpcRoundingTests
{
    private static readonly ImmutableArray<int> Sizes = ImmutableArray.Create(8, 16, 32, 64, 96, 128, 512);

    [Theory]
    [InlineData(5.4, 32)]      // 2^5.4 = 42: nearer 32 than 64 in log2 (0.4 vs 0.6)
    [InlineData(5.6, 64)]
    [InlineData(6.3, 96)]
    [InlineData(2.0, 8)]       // below the range: the smallest
    [InlineData(9.5, 512)]     // above: the largest
    [InlineData(7.0, 128)]     // exactly a size
    public void Nearest_in_log2_with_ties_to_the_smaller(double x, int expected) =>
        Assert.Equal(expected, MpcRounding.Round(Sizes, x, 10, lowerActive: false, upperActive: false));

    [Fact]
    public void A_tie_goes_to_the_smaller_size()
    {
        double midpoint = (Math.Log2(64) + Math.Log2(96)) / 2;
        Assert.Equal(64, MpcRounding.Round(Sizes, midpoint, 10, false, false));
        Assert.Equal(96, MpcRounding.Round(Sizes, midpoint + 1e-9, 10, false, false));
    }

    [Fact]
    public void An_active_lower_limit_rounds_down_and_an_active_upper_limit_up()
    {
        Assert.Equal(32, MpcRounding.Round(Sizes, 5.9, 10, lowerActive: true, upperActive: false));
        Assert.Equal(64, MpcRounding.Round(Sizes, 5.1, 10, lowerActive: false, upperActive: true));
        Assert.Equal(32, MpcRounding.Round(Sizes, 5.9, 10, lowerActive: true, upperActive: true));
    }

    [Fact]
    public void A_value_at_a_size_to_within_the_solver_tolerance_is_that_size_even_when_rounding_down()
    {
        Assert.Equal(64, MpcRounding.Round(Sizes, 5.96, 10, lowerActive: true, upperActive: false));
        Assert.Equal(32, MpcRounding.Round(Sizes, 5.94, 10, lowerActive: true, upperActive: false));
        Assert.Equal(64, MpcRounding.Round(Sizes, 6.04, 10, lowerActive: false, upperActive: true));
    }

    [Fact]
    public void A_size_above_the_itl_ceiling_is_not_chosen()
    {
        // 2^8.6 = 388 rounds to 512 by distance (log2 512 = 9), but the deadline allows only log2 8.5 = 362.
        Assert.Equal(512, MpcRounding.Round(Sizes, 8.6, 10, false, false));
        Assert.Equal(128, MpcRounding.Round(Sizes, 8.6, 8.5, false, false));
        Assert.Equal(8, MpcRounding.Round(Sizes, 3.0, 2.0, false, false));
    }
}
