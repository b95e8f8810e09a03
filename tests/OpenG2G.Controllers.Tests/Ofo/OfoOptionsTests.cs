using System.Collections.Immutable;
using OpenG2G.Controllers.Ofo;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Testing.Capabilities;
using OpenG2G.Testing.Fakes;

namespace OpenG2G.Controllers.Tests.Ofo;

public class OfoOptionsTests
{
    [Fact]
    public void DefaultsAreThePublishedIeee13Settings()
    {
        var o = new OfoOptions();
        Assert.Equal((0.1, 0.001, 1.0, 1e6, 1.0, 1.0, 0.95, 1.05, 0),
            (o.PrimalStepSize, o.ThroughputWeight, o.SwitchingWeight, o.VoltageGradientScale, o.VoltageDualStepSize,
             o.LatencyDualStepSize, o.VMinPu, o.VMaxPu, o.SensitivityUpdateInterval));
        Assert.Empty(o.Validate());
    }

    [Fact]
    public void ValidationReportsEveryProblem()
    {
        var o = new OfoOptions
        {
            PrimalStepSize = 0,
            ThroughputWeight = -1,
            SwitchingWeight = double.NaN,
            VoltageGradientScale = -2,
            VoltageDualStepSize = -0.5,
            LatencyDualStepSize = double.PositiveInfinity,
            VMinPu = 1.05,
            VMaxPu = 0.95,
            SensitivityUpdateInterval = -3,
        };
        Assert.Equal(
            new[]
            {
                "primal_step_size: must be > 0, got 0",
                "throughput_weight: must be >= 0, got -1",
                "switching_weight: must be a finite number, got NaN",
                "voltage_gradient_scale: must be >= 0, got -2",
                "voltage_dual_step_size: must be >= 0, got -0.5",
                "latency_dual_step_size: must be a finite number, got Infinity",
                "v_max_pu: must be greater than v_min_pu (1.05), got 0.95",
                "sensitivity_update_interval: must be >= 0, got -3",
            },
            o.Validate().Select(p => $"{p.Path}: {p.Message}"));
    }

    [Fact]
    public void ATargetThatCannotTakeBatchSizesIsRejected()
    {
        var feeder = new ChainFeeder(3, 1.0, 1e-6);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        var plain = new FakeDatacenter("plain", Rig.Seconds(0.1m));
        var context = new ControllerBuildContext("ofo", Rig.Seconds(1m), ".", ImmutableArray.Create<IDatacenter>(plain), ImmutableArray.Create<IDatacenter>(plain), grid,
            ImmutableArray.Create(new DatacenterAttachment("plain", "b2", LoadConnection.Wye, 0.95)));
        var ex = Assert.Throws<InvalidOperationException>(() => new OfoController(new OfoOptions(), context));
        Assert.Equal("controller 'ofo' needs batch-size control (IBatchControllable), but 'plain' (FakeDatacenter) does not provide it", ex.Message);
    }

    [Fact]
    public void ATargetWithoutAttachmentIsRejected()
    {
        var feeder = new ChainFeeder(3, 1.0, 1e-6);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 1, 0.1, 10) });
        var context = new ControllerBuildContext("ofo", Rig.Seconds(1m), ".", ImmutableArray.Create<IDatacenter>(dc), ImmutableArray.Create<IDatacenter>(dc), grid);
        var ex = Assert.Throws<ArgumentException>(() => new OfoController(new OfoOptions(), context));
        Assert.StartsWith("no attachment is known for datacenter 'dc'", ex.Message);
    }
}
