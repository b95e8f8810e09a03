using OpenG2G.Controllers.NoOp;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Controllers.Tests.NoOp;

public class NoOpControllerTests
{
    [Fact]
    public void NeverCommandsEvenUnderViolation()
    {
        var feeder = new ChainFeeder(4, 0.90, 1e-6);
        var grid = feeder.Build("grid", Rig.Seconds(0.1m));
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 1, 0.1, 10) });
        feeder.AttachDatacenter(grid, "dc", 3, 0.95);
        var (recorded, voltage) = Rig.Run(new[] { dc }, grid, new NoOpController("noop", Rig.Seconds(1m)), 5m);
        Assert.True(voltage.IntegralViolationPuS > 0);
        Assert.Empty(recorded.Commands);
    }
}
