using System.Collections.Immutable;
using OpenG2G.Controllers.LoadShift;
using OpenG2G.Controllers.NoOp;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Commands;
using OpenG2G.Core.States;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Controllers.Tests.LoadShift;

public class LoadShiftControllerTests
{
    private static readonly BusPhaseIndex ThreeBuses = new(
        new[] { "b1", "b2", "b3" }.SelectMany(b => new[] { 1, 2, 3 }.Select(p => new BusPhase(b, p))));

    private static FakeModelSpec Small(int batch, int replicas) => FakeModelSpec.Synthetic("small", 1, 0.1, replicas) with { InitialBatchSize = batch };

    private static FakeModelSpec Big(int batch, int replicas) => FakeModelSpec.Synthetic("big", 8, 0.1, replicas) with { InitialBatchSize = batch };

    private sealed record Sites(LinearGrid Grid, FakeBatchDatacenter West, FakeBatchDatacenter East, FakeBatchDatacenter North, LoadShiftController Controller, Rig.RecordingEvents Events);

    /// <summary>west at b1, east at b2, north at b3; each serves small (1 GPU) and big (8 GPUs).</summary>
    private static Sites Build(int westBatch = 8, int eastBatch = 128, int eastSpareGpus = 16, int northSpareGpus = 16, LoadShiftOptions? options = null)
    {
        var grid = new LinearGrid("grid", Rig.Seconds(0.1m), ThreeBuses, new double[9]);
        FakeBatchDatacenter Site(string name, int batch, int spare) =>
            new(name, Rig.Seconds(0.1m), new[] { Small(batch, 16), Big(batch, 4) }, capacityGpus: 16 + 32 + spare);
        var west = Site("west", westBatch, 0);
        var east = Site("east", eastBatch, eastSpareGpus);
        var north = Site("north", 128, northSpareGpus);
        foreach ((string n, string b) in new[] { ("west", "b1"), ("east", "b2"), ("north", "b3") })
            grid.AddDatacenter(n, b, 0.95, new double[27], new double[27]);
        var controller = new LoadShiftController(options ?? new LoadShiftOptions(), Rig.Context("shift", grid, new[] { west, east, north }, new[] { "b1", "b2", "b3" }));
        var events = new Rig.RecordingEvents();
        controller.Reset(Rig.RunContext(events));
        foreach (var d in new[] { west, east, north })
            d.Reset(Rig.RunContext());
        return new Sites(grid, west, east, north, controller, events);
    }

    private static GridState Voltages(double b1, double b2, double b3) => new()
    {
        Time = Rig.At(0m),
        Nodes = ThreeBuses,
        VoltagePu = ImmutableArray.Create(b1, b1 + 0.01, b1 + 0.02, b2, b2, b2, b3, b3, b3),
        VoltageAngleDeg = ImmutableArray.Create(new double[9]),
    };

    private static IReadOnlyList<Command> StepWith(Sites s, GridState grid) =>
        s.Controller.Step(Rig.At(0m), Rig.Inputs(grid, s.West.Step(Rig.At(0m)), s.East.Step(Rig.At(0m)), s.North.Step(Rig.At(0m))));

    [Fact]
    public void UndervoltageAtASaturatedSiteMovesItsBiggestSharedModelToTheHighestVoltageSiteWithRoom()
    {
        Sites s = Build();
        var commands = StepWith(s, Voltages(0.94, 0.99, 0.98));
        // gpus_per_shift 8 / 8 GPUs per replica of "big" = 1 replica; east (0.99 pu) beats north (0.98 pu).
        Assert.Equal(new Command[] { new AdjustReplicas("west", "big", -1), new AdjustReplicas("east", "big", 1) }, commands);
        var e = Assert.Single(s.Events.Events);
        Assert.Equal("controller.load_shift", e.Kind);
        Assert.Equal("undervoltage at 'west' (bus b1 min 0.94 pu) with every batch at its smallest: moved 1 replicas of 'big' from 'west' to 'east'", e.Message);
    }

    [Fact]
    public void NoShiftWhileBatchControlStillHasRoom()
    {
        Sites s = Build(westBatch: 16);
        Assert.Empty(StepWith(s, Voltages(0.94, 0.99, 0.98)));
    }

    [Fact]
    public void ASiteWithoutRoomOrItselfUnderTheLimitIsNotChosen()
    {
        Assert.Equal(new Command[] { new AdjustReplicas("west", "big", -1), new AdjustReplicas("north", "big", 1) },
            StepWith(Build(eastSpareGpus: 4), Voltages(0.94, 0.99, 0.98)));
        // Blocks of 4 GPUs: one replica of big (8 GPUs) fits nowhere, four replicas of small fit at east.
        Assert.Equal(new Command[] { new AdjustReplicas("west", "small", -4), new AdjustReplicas("east", "small", 4) },
            StepWith(Build(eastSpareGpus: 4, northSpareGpus: 4, options: new LoadShiftOptions { GpusPerShift = 4 }), Voltages(0.94, 0.99, 0.98)));
        Assert.Empty(StepWith(Build(eastSpareGpus: 4, northSpareGpus: 4), Voltages(0.94, 0.99, 0.98)));
        Assert.Equal(new Command[] { new AdjustReplicas("west", "big", -1), new AdjustReplicas("north", "big", 1) },
            StepWith(Build(), Voltages(0.94, 0.949, 0.96)));
    }

    [Fact]
    public void OvervoltageAtASiteAtMaximumBatchBringsLoadFromTheLowestVoltageSite()
    {
        Sites s = Build(westBatch: 128, eastBatch: 512);
        // east is over 1.05 with every batch at 512 and 16 free GPUs; north (1.0) is lower than west (1.01).
        var commands = StepWith(s, Voltages(1.01, 1.06, 1.0));
        Assert.Equal(new Command[] { new AdjustReplicas("north", "big", -1), new AdjustReplicas("east", "big", 1) }, commands);
    }

    [Fact]
    public void TwoShiftsInOneStepNeverOverbookASite()
    {
        // west and north both under and saturated; east has room for one block of big only.
        var grid = new LinearGrid("grid", Rig.Seconds(0.1m), ThreeBuses, new double[9]);
        var west = new FakeBatchDatacenter("west", Rig.Seconds(0.1m), new[] { Big(8, 4) });
        var east = new FakeBatchDatacenter("east", Rig.Seconds(0.1m), new[] { Big(128, 4) }, capacityGpus: 40);
        var north = new FakeBatchDatacenter("north", Rig.Seconds(0.1m), new[] { Big(8, 4) });
        foreach ((string n, string b) in new[] { ("west", "b1"), ("east", "b2"), ("north", "b3") })
            grid.AddDatacenter(n, b, 0.95, new double[27], new double[27]);
        var controller = new LoadShiftController(new LoadShiftOptions(), Rig.Context("shift", grid, new[] { west, east, north }, new[] { "b1", "b2", "b3" }));
        controller.Reset(Rig.RunContext());
        var commands = controller.Step(Rig.At(0m), Rig.Inputs(Voltages(0.94, 0.99, 0.93), west.Step(Rig.At(0m)), east.Step(Rig.At(0m)), north.Step(Rig.At(0m))));
        Assert.Equal(new Command[] { new AdjustReplicas("west", "big", -1), new AdjustReplicas("east", "big", 1) }, commands);
    }

    [Fact]
    public void ShiftsLoadAwayFromTheFarEndOfAFeederInClosedLoop()
    {
        var feeder = new ChainFeeder(14, 1.0, 1e-5);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        FakeBatchDatacenter Site(string name, int replicas, int capacity) =>
            new(name, Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 8, 0.1, replicas) with { InitialBatchSize = 8 } }, capacity);
        var far = Site("far", 400, 3200);
        var near = Site("near", 100, 4000);
        feeder.AttachDatacenter(grid, "far", 13, 0.95);
        feeder.AttachDatacenter(grid, "near", 1, 0.95);
        var context = Rig.Context("shift", grid, new[] { far, near }, new[] { "b13", "b1" });
        var (_, baseline) = Rig.Run(new[] { far, near }, grid, new NoOpController("noop", Rig.Seconds(1m)), 60m);
        var (recorded, shifted) = Rig.Run(new[] { far, near }, grid, new LoadShiftController(new LoadShiftOptions { GpusPerShift = 160 }, context), 60m);
        Assert.True(baseline.IntegralViolationPuS > 0.5, $"baseline {baseline.IntegralViolationPuS}");
        Assert.True(shifted.IntegralViolationPuS < 0.5 * baseline.IntegralViolationPuS, $"shifted {shifted.IntegralViolationPuS} vs {baseline.IntegralViolationPuS}");
        Assert.All(recorded.Commands.Where(c => c.Command.Target == "far"), c => Assert.True(((AdjustReplicas)c.Command).DeltaReplicas < 0));
        Assert.Equal(500, far.ActiveReplicas("m") + near.ActiveReplicas("m"));
    }

    [Fact]
    public void NeedsTwoTargetsAndValidOptions()
    {
        var grid = new LinearGrid("grid", Rig.Seconds(0.1m), ThreeBuses, new double[9]);
        var one = new FakeBatchDatacenter("one", Rig.Seconds(0.1m), new[] { Small(8, 4) });
        grid.AddDatacenter("one", "b1", 0.95, new double[27], new double[27]);
        Assert.Equal("targets: load-shift moves replicas between at least two datacenters, got 1 ('one')",
            Assert.Throws<ArgumentException>(() => new LoadShiftController(new LoadShiftOptions(), Rig.Context("shift", grid, new[] { one }, new[] { "b1" }))).Message);
        Assert.Equal(new[] { "gpus_per_shift: must be > 0, got 0", "v_min_pu: must be a finite number, got NaN" },
            new LoadShiftOptions { GpusPerShift = 0, VMinPu = double.NaN }.Validate().Select(p => $"{p.Path}: {p.Message}"));
    }
}
