using System.Collections.Immutable;
using OpenG2G.Controllers.NoOp;
using OpenG2G.Controllers.StorageDroop;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Controllers.Tests.StorageDroop;

public class StorageDroopControllerTests
{
    private static readonly BatteryInfo Battery = new("bess", "b1", RatedPowerKw: 300, RatedApparentPowerKva: 400, CapacityKwh: 1200);

    private static (StorageDroopController Controller, LinearGrid Grid) Build(StorageDroopOptions options)
    {
        var grid = new LinearGrid("grid", Rig.Seconds(0.1m), HandInputs.TwoBuses, new double[6]) { ExcludedBuses = ImmutableHashSet.Create("sourcebus") };
        grid.AddBattery(Battery, new double[18], new double[18]);
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 1, 0.1, 1) });
        grid.AddDatacenter("dc", "b1", 0.95, new double[18], new double[18]);
        var controller = new StorageDroopController(options, Rig.Context("droop", grid, new IDatacenter[] { dc }, new[] { "b1" }));
        controller.Reset(Rig.RunContext());
        return (controller, grid);
    }

    private static ControllerInputs Window(params GridState[] states) =>
        new(states.ToImmutableArray(), states[^1], ImmutableArray<DatacenterState>.Empty, ImmutableDictionary<string, DatacenterState>.Empty);

    [Fact]
    public void UndervoltageInjectsReactivePowerInQvMode()
    {
        var (controller, _) = Build(new StorageDroopOptions());
        // v = min phase of b1 = 0.97 (sourcebus is another bus); e = 0.03; output = 400 / (0.05 - 0.005) x (0.03 - 0.005) kvar.
        var command = Assert.IsType<SetBatteryPower>(Assert.Single(controller.Step(Rig.At(0m), Window(HandInputs.Grid(0.9, 0.99, 0.97, 0.98)))));
        Assert.Equal("grid", command.Target);
        Assert.Equal("bess", command.Battery);
        Assert.Equal(0.0, command.PowerKw);
        Assert.Equal(-400.0 / 0.045 * 0.025, command.ReactivePowerKvar, 9);
    }

    [Fact]
    public void OvervoltageChargesInPvMode()
    {
        var (controller, _) = Build(new StorageDroopOptions { Mode = StorageDroopMode.Pv });
        // v = 1.03 (lowest phase of b1); e = -0.03; output = -300 / 0.045 x 0.025 kW: charging (positive, a load).
        var command = Assert.IsType<SetBatteryPower>(Assert.Single(controller.Step(Rig.At(0m), Window(HandInputs.Grid(1.0, 1.03, 1.04, 1.05)))));
        Assert.Equal(300.0 / 0.045 * 0.025, command.PowerKw, 9);
        Assert.Equal(0.0, command.ReactivePowerKvar);
    }

    [Fact]
    public void UsesTheLowestVoltageOfTheWindowAndClipsToTheLimit()
    {
        var (controller, _) = Build(new StorageDroopOptions { Mode = StorageDroopMode.Pv, OutputLimitFraction = 0.5 });
        var commands = controller.Step(Rig.At(0m), Window(HandInputs.Grid(1.0, 0.99, 0.99, 0.99), HandInputs.Grid(1.0, 0.90, 0.99, 0.99), HandInputs.Grid(1.0, 0.99, 0.99, 0.99)));
        Assert.Equal(-150.0, Assert.IsType<SetBatteryPower>(Assert.Single(commands)).PowerKw, 9); // 0.1 pu error, beyond full output
    }

    [Fact]
    public void InsideTheDeadbandTheOutputIsZeroAndUnchangedOutputsAreNotResent()
    {
        var (controller, _) = Build(new StorageDroopOptions());
        var first = Assert.IsType<SetBatteryPower>(Assert.Single(controller.Step(Rig.At(0m), Window(HandInputs.Grid(1.0, 0.997, 1.0, 1.0)))));
        Assert.Equal((0.0, 0.0), (first.PowerKw, first.ReactivePowerKvar));
        Assert.Empty(controller.Step(Rig.At(1m), Window(HandInputs.Grid(1.0, 1.004, 1.0, 1.0))));
        Assert.Single(controller.Step(Rig.At(2m), Window(HandInputs.Grid(1.0, 0.98, 1.0, 1.0))));
    }

    [Fact]
    public void RaisesTheLocalVoltageInClosedLoop()
    {
        var feeder = new ChainFeeder(6, 1.0, 5e-5);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 8, 0.1, 100) });
        feeder.AttachDatacenter(grid, "dc", 5, 0.95);
        grid.AddBattery(Battery with { Bus = "b5" }, feeder.DvDpAt(5), feeder.DvDqAt(5));
        var (noop, baseline) = Rig.Run(new[] { dc }, grid, new NoOpController("noop", Rig.Seconds(1m)), 20m);
        var droop = new StorageDroopController(new StorageDroopOptions { Mode = StorageDroopMode.Pv }, Rig.Context("droop", grid, new[] { dc }, new[] { "b5" }));
        var (recorded, supported) = Rig.Run(new[] { dc }, grid, droop, 20m);
        Assert.True(baseline.WorstVminPu < 0.95, $"baseline minimum {baseline.WorstVminPu}");
        Assert.True(recorded.Grid[^1].VoltageAt("b5", 1) > noop.Grid[^1].VoltageAt("b5", 1) + 0.01);
        Assert.True(supported.IntegralViolationPuS < baseline.IntegralViolationPuS);
        Assert.All(recorded.Commands, c => Assert.True(((SetBatteryPower)c.Command).PowerKw < 0)); // discharging only
    }

    [Fact]
    public void RejectsUnknownBatteriesAndInvalidOptions()
    {
        var ex = Assert.Throws<ArgumentException>(() => Build(new StorageDroopOptions { Batteries = new[] { "BESS", "other" } }));
        Assert.Equal("batteries[1]: the feeder has no battery 'other' (batteries: 'bess')", ex.Message);
        var options = new StorageDroopOptions
        {
            Batteries = new[] { "a", "A", "" },
            VRefPu = 0,
            DeadbandPu = 0.06,
            FullOutputErrorPu = 0.05,
            OutputLimitFraction = 1.5,
        };
        Assert.Equal(
            new[]
            {
                "batteries[1]: 'A' is already listed at batteries[0]",
                "batteries[2]: must not be empty",
                "v_ref_pu: must be > 0, got 0",
                "full_output_error_pu: must be greater than deadband_pu (0.06), got 0.05",
                "output_limit_fraction: must be <= 1, got 1.5",
            },
            options.Validate().Select(p => $"{p.Path}: {p.Message}"));
    }
}
