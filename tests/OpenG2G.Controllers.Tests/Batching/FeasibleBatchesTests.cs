using System.Collections.Immutable;
using OpenG2G.Controllers.Batching;

namespace OpenG2G.Controllers.Tests.Batching;

public class FeasibleBatchesTests
{
    private static readonly FeasibleBatches Standard = new("m", ImmutableArray.Create(8, 16, 32, 64, 128, 256, 512));

    [Theory]
    [InlineData(7.0, 128)] // exactly a feasible size
    [InlineData(6.5, 64)] // 2^6.5 = 90.5: 26.5 from 64, 37.5 from 128
    [InlineData(6.6, 128)] // 2^6.6 = 97.0: 33.0 from 64, 31.0 from 128
    [InlineData(2.0, 8)] // below the smallest
    [InlineData(10.0, 512)] // above the largest
    public void NearestUsesLinearDistanceBetweenNeighbours(double log2Batch, int expected) =>
        Assert.Equal(expected, Standard.Nearest(log2Batch));

    [Fact]
    public void ExactTieGoesToTheSmallerSize()
    {
        // 2^x = 96 is 32 from both 64 and 128.
        Assert.Equal(64, Standard.Nearest(Math.Log2(96)));
    }

    [Fact]
    public void ClipKeepsTheLog2Range()
    {
        Assert.Equal(3.0, Standard.Clip(1.0));
        Assert.Equal(9.0, Standard.Clip(12.0));
        Assert.Equal(5.5, Standard.Clip(5.5));
    }

    [Fact]
    public void RejectsUnsortedSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new FeasibleBatches("m", ImmutableArray.Create(8, 8, 16)));
        Assert.Equal("model 'm': feasible batch sizes must be positive and strictly ascending, got [8, 8, 16]", ex.Message);
    }
}
