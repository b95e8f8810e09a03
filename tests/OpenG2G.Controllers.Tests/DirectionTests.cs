using System.Collections.Immutable;
using OpenG2G.Controllers.LoadShift;
using OpenG2G.Controllers.Mpc;
using OpenG2G.Controllers.NoOp;
using OpenG2G.Controllers.Ofo;
using OpenG2G.Controllers.Pid;
using OpenG2G.Controllers.RuleBased;
using OpenG2G.Controllers.Schedules;
using OpenG2G.Controllers.StorageDroop;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Controllers.Tests;

/// <summary>
/// The direction of every built-in controller's action under undervoltage (every watched node at 0.90 pu)
/// and overvoltage (1.10 pu), from the same hand-written states, repeated for up to ten steps:
/// "lower" = less datacenter or battery load (smaller batches, replicas leaving the site, discharge or
/// reactive injection), "raise" = more, "none" = no command.
/// </summary>
public class DirectionTests
{
    public enum Direction
    {
        Lower,
        Raise,
        None,
    }

    public static TheoryData<string, bool, Direction> Cases() => new()
    {
        { "ofo", true, Direction.Lower }, { "ofo", false, Direction.Raise },
        { "mpc", true, Direction.Lower }, { "mpc", false, Direction.Raise },
        { "rule-based", true, Direction.Lower }, { "rule-based", false, Direction.Raise },
        { "pid-minimum", true, Direction.Lower }, { "pid-minimum", false, Direction.None },
        { "pid-maximum", true, Direction.None }, { "pid-maximum", false, Direction.Raise },
        { "pid-power-cap", true, Direction.Lower }, { "pid-power-cap", false, Direction.None },
        { "load-shift", true, Direction.Lower }, { "load-shift", false, Direction.Raise },
        { "storage-droop-qv", true, Direction.Lower }, { "storage-droop-qv", false, Direction.Raise },
        { "storage-droop-pv", true, Direction.Lower }, { "storage-droop-pv", false, Direction.Raise },
        { "noop", true, Direction.None }, { "noop", false, Direction.None },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ActsInTheDirectionThatRelievesTheViolation(string controller, bool undervoltage, Direction expected)
    {
        double v = undervoltage ? 0.90 : 1.10;
        // load-shift acts only when batch control is exhausted: smallest batches under, largest over.
        int batch = controller == "load-shift" ? (undervoltage ? 8 : 512) : 128;
        var grid = new LinearGrid("grid", Rig.Seconds(0.1m), HandInputs.TwoBuses, new double[6]) { ExcludedBuses = ImmutableHashSet.Create("sourcebus") };
        double[] h = Enumerable.Repeat(-1e-5, 18).ToArray();
        grid.AddDatacenter("dc", "b1", 0.95, h, h);
        grid.AddDatacenter("other", "sourcebus", 0.95, h, h);
        grid.AddBattery(new BatteryInfo("bess", "b1", 300, 400, 1200), h, h);
        FakeBatchDatacenter Site(string name) =>
            new(name, Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 8, 0.1, 10) with { InitialBatchSize = batch } }, capacityGpus: 160,
                training: new FakeTrainingSpec("training", 64));
        FakeBatchDatacenter dc = Site("dc"), other = Site("other");
        IController c = Build(controller, grid, dc, other);
        c.Reset(Rig.RunContext());

        // sourcebus (excluded, and where "other" attaches) stays at 1.0 pu.
        var state = new GridState
        {
            Time = Rig.At(0m),
            Nodes = HandInputs.TwoBuses,
            VoltagePu = ImmutableArray.Create(1.0, 1.0, 1.0, v, v, v),
            VoltageAngleDeg = ImmutableArray.Create(new double[6]),
        };
        var commands = new List<Command>();
        for (int k = 0; k < 10 && commands.Count == 0; k++)
            commands.AddRange(c.Step(Rig.At(k), Rig.Inputs(state, dc.Step(Rig.At(k)), other.Step(Rig.At(k)))));

        Assert.Equal(expected, DirectionOf(commands, batch));
    }

    private static IController Build(string controller, LinearGrid grid, FakeBatchDatacenter dc, FakeBatchDatacenter other)
    {
        var one = Rig.Context(controller, grid, new[] { dc }, new[] { "b1" });
        return controller switch
        {
            "ofo" => new OfoController(new OfoOptions(), one),
            // The fake site has a training job but no schedule of it (IDatacenterForecast): batches only here; caps are tested on real components.
            "mpc" => new MpcController(new MpcOptions { CapTrainingJobs = false }, one),
            "rule-based" => new RuleBasedController(new RuleBasedOptions(), one),
            "pid-minimum" => new PidController(new PidOptions(), one),
            "pid-maximum" => new PidController(new PidOptions { Signal = PidSignal.Maximum }, one),
            "pid-power-cap" => new PidController(new PidOptions { Actuator = PidActuator.PowerCap }, one),
            "load-shift" => new LoadShiftController(new LoadShiftOptions(), Rig.Context(controller, grid, new[] { dc, other }, new[] { "b1", "sourcebus" })),
            "storage-droop-qv" => new StorageDroopController(new StorageDroopOptions(), one),
            "storage-droop-pv" => new StorageDroopController(new StorageDroopOptions { Mode = StorageDroopMode.Pv }, one),
            "noop" => new NoOpController("noop", Rig.Seconds(1m)),
            _ => throw new ArgumentOutOfRangeException(nameof(controller)),
        };
    }

    /// <summary>The one direction all commands agree on; fails when they disagree.</summary>
    private static Direction DirectionOf(List<Command> commands, int initialBatch)
    {
        var directions = commands.Select(c => c switch
        {
            SetBatchSize b => b.BatchSize < initialBatch ? Direction.Lower : Direction.Raise,
            SetPowerCap p => p.PowerCapW < FakeBatchDatacenter.MaxCapW ? Direction.Lower : Direction.Raise,
            AdjustReplicas r when r.Target == "dc" => r.DeltaReplicas < 0 ? Direction.Lower : Direction.Raise,
            AdjustReplicas => (Direction?)null, // the other end of a shift
            SetBatteryPower s => s.PowerKw + s.ReactivePowerKvar < 0 ? Direction.Lower : Direction.Raise,
            _ => throw new InvalidOperationException($"unexpected {c}"),
        }).OfType<Direction>().Distinct().ToList();
        return directions.Count switch
        {
            0 => Direction.None,
            1 => directions[0],
            _ => throw new InvalidOperationException($"commands disagree: {string.Join(", ", commands)}"),
        };
    }
}
