using OpenG2G.Core.Time;

namespace OpenG2G.Core.Tests.Time;

public class TimeBaseTests
{
    [Theory]
    [InlineData("0.1", 1_000_000L)]
    [InlineData("3600", 36_000_000_000L)]
    [InlineData("0.0000001", 1L)]
    [InlineData("1.5", 15_000_000L)]
    public void Whole_tick_values_convert_exactly(string seconds, long ticks) =>
        Assert.Equal(ticks, TimeBase.ToTicks(decimal.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), "period_s"));

    [Fact]
    public void A_period_finer_than_the_time_base_is_rejected_naming_the_value()
    {
        var ex = Assert.Throws<ArgumentException>(() => TimeBase.Duration(0.00000005m, "grid.period_s"));
        Assert.Equal("grid.period_s 0.00000005 s is not a whole number of 100 ns ticks; the kernel represents time exactly and cannot round it", ex.Message);
    }

    [Fact]
    public void Doubles_are_read_as_their_shortest_decimal_so_a_tenth_is_exact()
    {
        Assert.Equal(1_000_000L, TimeBase.Duration(0.1, "p").Ticks);
        Assert.Equal(3_000_000L, TimeBase.Duration(0.3, "p").Ticks);
        Assert.Throws<ArgumentException>(() => TimeBase.Duration(1.0 / 3.0, "p"));
        Assert.Throws<ArgumentException>(() => TimeBase.Duration(double.NaN, "p"));
    }

    [Fact]
    public void Ten_tenths_make_exactly_one_second()
    {
        SimTime t = SimTime.Zero;
        TimeSpan tenth = TimeBase.Duration(0.1m, "p");
        for (int i = 0; i < 10; i++)
            t += tenth;
        Assert.Equal(SimTime.FromSeconds(1m), t);
        Assert.Equal("1 s", t.ToString());
        Assert.Equal("0.1 s", (SimTime.Zero + tenth).ToString());
    }
}
