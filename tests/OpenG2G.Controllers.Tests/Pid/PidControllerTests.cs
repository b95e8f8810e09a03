using System.Collections.Immutable;
using OpenG2G.Controllers.NoOp;
using OpenG2G.Controllers.Pid;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Commands;
using OpenG2G.Core.States;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Controllers.Tests.Pid;

public class PidControllerTests
{
    private static (LinearGrid Grid, FakeBatchDatacenter Dc) HandRig(FakeTrainingSpec? training = null)
    {
        var grid = new LinearGrid("grid", Rig.Seconds(0.1m), HandInputs.TwoBuses, new double[6]) { ExcludedBuses = ImmutableHashSet.Create("sourcebus") };
        grid.AddDatacenter("dc", "b1", 0.95, new double[18], new double[18]);
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), FakeModelSpec.Ieee13Fleet(), training: training);
        return (grid, dc);
    }

    private static PidController Build(LinearGrid grid, FakeBatchDatacenter dc, PidOptions options)
    {
        var controller = new PidController(options, Rig.Context("pid", grid, new[] { dc }, new[] { "b1" }));
        controller.Reset(Rig.RunContext());
        dc.Reset(Rig.RunContext());
        return controller;
    }

    private static IReadOnlyList<Command> StepWith(PidController controller, FakeBatchDatacenter dc, GridState grid) =>
        controller.Step(Rig.At(0m), Rig.Inputs(grid, dc.Step(Rig.At(0m))));

    [Fact]
    public void UndervoltageShedsPowerByLoweringEveryBatch()
    {
        var (grid, dc) = HandRig();
        var controller = Build(grid, dc, new PidOptions());
        // e = 0.90 - 0.955 = -0.055, -0.054 past the deadband: u = 5000 (-0.054) + 5000 (-0.054) 1 s = -540 kW.
        var commands = StepWith(controller, dc, HandInputs.Grid(1.0, 0.90, 0.96, 0.97));
        Assert.Equal(-540.0, controller.LastOutputKw, 6);
        Assert.Equal(5, commands.Count);
        Assert.All(commands, c => Assert.True(((SetBatchSize)c).BatchSize < 128));
    }

    [Fact]
    public void OvervoltageWithTheMaximumSignalAddsPowerByRaisingEveryBatch()
    {
        var (grid, dc) = HandRig();
        var controller = Build(grid, dc, new PidOptions { Signal = PidSignal.Maximum });
        var commands = StepWith(controller, dc, HandInputs.Grid(1.0, 1.03, 1.09, 1.04));
        Assert.Equal(440.0, controller.LastOutputKw, 6); // e = 1.09 - 1.045 - 0.001 = 0.044: (5000 + 5000) 0.044
        Assert.Equal(5, commands.Count);
        Assert.All(commands, c => Assert.True(((SetBatchSize)c).BatchSize > 128));
    }

    [Fact]
    public void AMinimumSignalAboveItsSetpointKeepsTheReferenceBatches()
    {
        var (grid, dc) = HandRig();
        var controller = Build(grid, dc, new PidOptions());
        Assert.Empty(StepWith(controller, dc, HandInputs.Grid(1.0, 1.0, 1.0, 1.0)));
        Assert.Equal(0.0, controller.LastOutputKw);
    }

    [Fact]
    public void TheCommonShiftDeliversTheRequestedFittedPower()
    {
        var (grid, dc) = HandRig();
        var controller = Build(grid, dc, new PidOptions());
        StepWith(controller, dc, HandInputs.Grid(1.0, 0.90, 0.96, 0.97));
        var actuator = Assert.IsType<BatchPowerActuator>(controller.Actuator);
        // Independently: total fitted power of the fleet at log2(128) + shift, clipped to [3, 9], against 128.
        double Fitted(double shift) => FakeModelSpec.Ieee13Fleet().Sum(m => m.Replicas * m.Curves.PowerW(Math.Clamp(7 + shift, 3, 9)).Value) / 1000;
        Assert.Equal(Fitted(0) - 540.0, Fitted(actuator.ShiftLog2), 6);
        Assert.True(actuator.ShiftLog2 < 0);
    }

    [Fact]
    public void OutputIsLimitedToWhatTheBatchesCanReach()
    {
        var (grid, dc) = HandRig();
        var controller = Build(grid, dc, new PidOptions { KpKwPerPu = 1e7 });
        var commands = StepWith(controller, dc, HandInputs.Grid(1.0, 0.80, 0.96, 0.97));
        double Fitted(double x) => FakeModelSpec.Ieee13Fleet().Sum(m => m.Replicas * m.Curves.PowerW(x).Value) / 1000;
        Assert.Equal(Fitted(3) - Fitted(7), controller.LastOutputKw, 6); // every model at batch 8
        Assert.All(commands, c => Assert.Equal(8, ((SetBatchSize)c).BatchSize));
    }

    [Fact]
    public void PowerCapActuatorCapsTheTrainingJobUnderUndervoltage()
    {
        var (grid, dc) = HandRig(new FakeTrainingSpec("training", 2400));
        var controller = Build(grid, dc, new PidOptions { Actuator = PidActuator.PowerCap });
        var commands = StepWith(controller, dc, HandInputs.Grid(1.0, 0.93, 0.96, 0.97));
        // e = 0.93 - 0.955 + 0.001 = -0.024: u = (5000 + 5000) (-0.024) = -240 kW. The fake's GPUs draw the cap,
        // 2400 of them: 100 W below the 700 W maximum.
        Assert.Equal(new Command[] { new SetPowerCap("dc", "training", 600) }, commands);
    }

    [Fact]
    public void PowerCapActuatorLeavesAJobThatIsNotRunning()
    {
        var (grid, dc) = HandRig(new FakeTrainingSpec("training", 2400, StartS: 1000, EndS: 2000));
        var controller = Build(grid, dc, new PidOptions { Actuator = PidActuator.PowerCap });
        Assert.Empty(StepWith(controller, dc, HandInputs.Grid(1.0, 0.93, 0.96, 0.97)));
        Assert.Equal((0.0, 0.0), controller.LastRangeKw);
    }

    [Fact]
    public void BusAndZoneSignalsReadTheNamedBusesEvenWhenExcluded()
    {
        var (grid, dc) = HandRig();
        var bus = Build(grid, dc, new PidOptions { Signal = PidSignal.Bus, Bus = "B1" });
        StepWith(bus, dc, HandInputs.Grid(0.90, 0.99, 0.97, 0.98));
        Assert.Equal(0.97, bus.LastSignalPu);
        var zone = Build(grid, dc, new PidOptions { Signal = PidSignal.Zone, ZoneBuses = new[] { "b1", "sourcebus" } });
        StepWith(zone, dc, HandInputs.Grid(0.96, 0.99, 0.97, 0.98));
        Assert.Equal(0.96, zone.LastSignalPu);
        var minimum = Build(grid, dc, new PidOptions());
        StepWith(minimum, dc, HandInputs.Grid(0.90, 0.99, 0.97, 0.98));
        Assert.Equal(0.97, minimum.LastSignalPu); // sourcebus is excluded from the feeder minimum
    }

    [Fact]
    public void ReducesTheViolationIntegralAgainstNoControlInClosedLoop()
    {
        var feeder = new ChainFeeder(14, 1.0, 3.3e-6);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), FakeModelSpec.Ieee13Fleet());
        feeder.AttachDatacenter(grid, "dc", 13, 0.95);
        var (_, baseline) = Rig.Run(new[] { dc }, grid, new NoOpController("noop", Rig.Seconds(1m)), 120m);
        var pid = new PidController(new PidOptions(), Rig.Context("pid", grid, new[] { dc }, new[] { "b13" }));
        var (recorded, controlled) = Rig.Run(new[] { dc }, grid, pid, 120m);
        Assert.True(baseline.IntegralViolationPuS > 1.0);
        Assert.True(controlled.IntegralViolationPuS < 0.5 * baseline.IntegralViolationPuS,
            $"pid {controlled.IntegralViolationPuS} pu·s vs baseline {baseline.IntegralViolationPuS} pu·s");
        Assert.All(recorded.Commands, c => Assert.True(((SetBatchSize)c.Command).BatchSize <= 128));
    }

    [Fact]
    public void RejectsSeveralTargetsUnknownBusesAndUncappableWorkloads()
    {
        var (grid, dc) = HandRig();
        var other = new FakeBatchDatacenter("other", Rig.Seconds(0.1m), FakeModelSpec.Ieee13Fleet());
        Assert.Equal("targets: a pid acts on exactly one datacenter, got 2 ('dc', 'other'); declare one pid per datacenter",
            Assert.Throws<ArgumentException>(() => new PidController(new PidOptions(), Rig.Context("pid", grid, new[] { dc, other }, new[] { "b1", "b1" }))).Message);
        Assert.Equal("zone_buses[1]: the feeder has no bus '675'",
            Assert.Throws<ArgumentException>(() => Build(grid, dc, new PidOptions { Signal = PidSignal.Zone, ZoneBuses = new[] { "b1", "675" } })).Message);
        Assert.Equal("workloads[0]: 'dc' cannot cap 'training' (cappable training jobs: none)",
            Assert.Throws<ArgumentException>(() => Build(grid, dc, new PidOptions { Actuator = PidActuator.PowerCap, Workloads = new[] { "training" } })).Message);
        Assert.Equal("workloads: 'dc' has no training job that can be capped (a job needs a measured power_cap_response), and inference models cannot be capped: "
            + "the trace library has no measured power-capped inference data (none is public); docs/datacenter.md says how to add such measurements",
            Assert.Throws<ArgumentException>(() => Build(grid, dc, new PidOptions { Actuator = PidActuator.PowerCap })).Message);
        var (_, withJob) = HandRig(new FakeTrainingSpec("training", 8));
        Assert.Equal("workloads[0]: 'Llama-3.1-8B' is an inference model and cannot be capped: "
            + "the trace library has no measured power-capped inference data (none is public); docs/datacenter.md says how to add such measurements",
            Assert.Throws<ArgumentException>(() => Build(grid, withJob, new PidOptions { Actuator = PidActuator.PowerCap, Workloads = new[] { "Llama-3.1-8B" } })).Message);
    }

    [Fact]
    public void ValidationReportsEveryProblem()
    {
        var options = new PidOptions
        {
            Signal = PidSignal.Bus,
            ZoneBuses = new[] { "650" },
            SetpointPu = 0,
            DeadbandPu = -0.01,
            KpKwPerPu = 0,
            KiKwPerPuS = 0,
            KdKwSPerPu = -1,
            DerivativeFilterS = double.NaN,
            OutputMinKw = 100,
            Workloads = new[] { "x" },
        };
        Assert.Equal(
            new[]
            {
                "bus: required when signal is bus",
                "zone_buses: only used when signal is zone",
                "setpoint_pu: must be > 0, got 0",
                "deadband_pu: must be >= 0, got -0.01",
                "kp_kw_per_pu: kp_kw_per_pu or ki_kw_per_pu_s must be > 0 (with both zero the controller never acts)",
                "kd_kw_s_per_pu: must be >= 0, got -1",
                "derivative_filter_s: must be a finite number, got NaN",
                "output_max_kw: must be >= output_min_kw (100), got 0 (the default for signal bus)",
                "workloads: only used with actuator power_cap",
            },
            options.Validate().Select(p => $"{p.Path}: {p.Message}"));
    }

    [Fact]
    public void SignalSpecificDefaultsResolve()
    {
        var minimum = new PidOptions();
        var maximum = new PidOptions { Signal = PidSignal.Maximum };
        Assert.Equal((0.955, double.NegativeInfinity, 0.0), (minimum.ResolvedSetpointPu(), minimum.ResolvedOutputMinKw(), minimum.ResolvedOutputMaxKw()));
        Assert.Equal((1.045, 0.0, double.PositiveInfinity), (maximum.ResolvedSetpointPu(), maximum.ResolvedOutputMinKw(), maximum.ResolvedOutputMaxKw()));
    }
}
