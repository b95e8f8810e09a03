using OpenG2G.Controllers.Pid;

namespace OpenG2G.Controllers.Tests.Pid;

public class PidLoopTests
{
    [Fact]
    public void ProportionalTermActsOnTheErrorBeyondTheDeadband()
    {
        var loop = new PidLoop(kpKwPerPu: 1000, kiKwPerPuS: 0, kdKwSPerPu: 0, filterS: 0, deadbandPu: 0.001);
        // e = 0.94 - 0.955 = -0.015, reduced by the 0.001 deadband to -0.014: u = -14 kW.
        Assert.Equal(-14.0, loop.Update(0.94, 0.955, 1.0, double.NegativeInfinity, 0), 9);
        // Inside the deadband nothing happens.
        Assert.Equal(0.0, loop.Update(0.9545, 0.955, 1.0, double.NegativeInfinity, 0));
    }

    [Fact]
    public void IntegralAccumulatesKiTimesErrorTimesDt()
    {
        var loop = new PidLoop(0, 1000, 0, 0, 0);
        loop.Update(0.945, 0.955, 1.0, double.NegativeInfinity, double.PositiveInfinity); // -10 kW
        loop.Update(0.945, 0.955, 0.5, double.NegativeInfinity, double.PositiveInfinity); // -5 kW
        Assert.Equal(-15.0, loop.Update(0.955, 0.955, 1.0, double.NegativeInfinity, double.PositiveInfinity), 9);
        Assert.Equal(-15.0, loop.IntegralKw, 9);
    }

    [Fact]
    public void IntegralStopsAtTheLimitAndRecoversAsSoonAsTheErrorChangesSign()
    {
        var loop = new PidLoop(0, 1000, 0, 0, 0);
        var outputs = new List<double>();
        for (int k = 0; k < 10; k++)
            outputs.Add(loop.Update(0.941, 0.955, 1.0, -20, 0)); // -14 kW per step against a -20 kW floor
        Assert.Equal(new[] { -14.0, -20, -20, -20, -20, -20, -20, -20, -20, -20 }, outputs.Select(x => Math.Round(x, 9)));
        Assert.Equal(-20.0, loop.IntegralKw, 9);
        // Without anti-windup the integral would be -140 kW and need ten steps to come back.
        Assert.Equal(-6.0, loop.Update(0.969, 0.955, 1.0, -20, 0), 9);
    }

    [Fact]
    public void DerivativeActsOnTheMeasurementThroughAFirstOrderFilter()
    {
        var loop = new PidLoop(0, 0, kdKwSPerPu: 100, filterS: 2, deadbandPu: 0);
        Assert.Equal(0.0, loop.Update(1.00, 1.0, 1.0, double.NegativeInfinity, double.PositiveInfinity)); // no history yet
        // y falls by 0.01 in 1 s: D = (2 x 0 + 100 x (-0.01)) / (2 + 1) = -1/3 kW; then it decays by 2/3 per step.
        Assert.Equal(-1.0 / 3.0, loop.Update(0.99, 1.0, 1.0, double.NegativeInfinity, double.PositiveInfinity), 12);
        Assert.Equal(-2.0 / 9.0, loop.Update(0.99, 1.0, 1.0, double.NegativeInfinity, double.PositiveInfinity), 12);
        // A setpoint change alone does not kick the derivative.
        Assert.Equal(-4.0 / 27.0, loop.Update(0.99, 0.5, 1.0, double.NegativeInfinity, double.PositiveInfinity), 12);
    }
}
