using OpenG2G.Controllers.Schedules;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Commands;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Controllers.Tests.Schedules;

public class BatchAndCapScheduleTests
{
    private static (LinearGrid Grid, FakeBatchDatacenter West, FakeBatchDatacenter East) TwoSites()
    {
        var feeder = new ChainFeeder(4, 1.0, 1e-7);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        var west = new FakeBatchDatacenter("west", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("shared", 2, 0.1, 10), FakeModelSpec.Synthetic("only-west", 1, 0.1, 10) },
            training: new FakeTrainingSpec("training", 16));
        var east = new FakeBatchDatacenter("east", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("shared", 2, 0.1, 10) }, training: new FakeTrainingSpec("training", 8));
        feeder.AttachDatacenter(grid, "west", 2, 0.95);
        feeder.AttachDatacenter(grid, "east", 3, 0.95);
        return (grid, west, east);
    }

    private static BatchScheduleController Batches(LinearGrid grid, FakeBatchDatacenter west, FakeBatchDatacenter east, params BatchScheduleEntry[] entries) =>
        new(new BatchScheduleOptions { Entries = entries }, Rig.Context("batches", grid, new[] { west, east }, new[] { "b2", "b3" }));

    private static PowerCapScheduleController Caps(LinearGrid grid, FakeBatchDatacenter west, FakeBatchDatacenter east, params PowerCapScheduleEntry[] entries) =>
        new(new PowerCapScheduleOptions { Entries = entries }, Rig.Context("caps", grid, new[] { west, east }, new[] { "b2", "b3" }));

    [Fact]
    public void AnEntryWithoutDatacenterCommandsEverySiteServingTheModel()
    {
        var (grid, west, east) = TwoSites();
        var controller = Batches(grid, west, east,
            new BatchScheduleEntry { AtS = 2.5m, Model = "shared", BatchSize = 64 },
            new BatchScheduleEntry { AtS = 1m, Datacenter = "west", Model = "only-west", BatchSize = 32 });
        var (recorded, _) = Rig.Run(new[] { west, east }, grid, controller, 5m);

        Assert.Equal(
            new[] { "1 s SetBatchSize west only-west 32", "3 s SetBatchSize west shared 64", "3 s SetBatchSize east shared 64" },
            recorded.Commands.Select(c => c.Command is SetBatchSize b ? $"{c.IssuedAt} SetBatchSize {b.Target} {b.Model} {b.BatchSize}" : "?"));
        Assert.Equal(64, west.BatchOf("shared"));
        Assert.Equal(64, east.BatchOf("shared"));
        Assert.Equal(32, west.BatchOf("only-west"));
    }

    [Fact]
    public void LaterEntryForTheSameModelWinsWithinOneStep()
    {
        var (grid, west, east) = TwoSites();
        var controller = Batches(grid, west, east,
            new BatchScheduleEntry { AtS = 0.3m, Datacenter = "east", Model = "shared", BatchSize = 16 },
            new BatchScheduleEntry { AtS = 0.6m, Datacenter = "east", Model = "shared", BatchSize = 256 });
        var (recorded, _) = Rig.Run(new[] { west, east }, grid, controller, 2m);
        var only = Assert.IsType<SetBatchSize>(Assert.Single(recorded.Commands).Command);
        Assert.Equal(256, only.BatchSize);
    }

    [Fact]
    public void BatchEntriesTheSitesCannotHonourAreRejected()
    {
        var (grid, west, east) = TwoSites();
        Assert.Equal("entries[0].datacenter: 'north' is not a target of this controller (targets: 'west', 'east')",
            Assert.Throws<ArgumentException>(() => Batches(grid, west, east, new BatchScheduleEntry { Datacenter = "north", Model = "shared", BatchSize = 8 })).Message);
        Assert.Equal("entries[0].model: 'east' does not serve 'only-west' (it serves 'shared')",
            Assert.Throws<ArgumentException>(() => Batches(grid, west, east, new BatchScheduleEntry { Datacenter = "east", Model = "only-west", BatchSize = 8 })).Message);
        Assert.Equal("entries[0].model: no target datacenter serves 'llama' ('west' serves 'shared', 'only-west'; 'east' serves 'shared')",
            Assert.Throws<ArgumentException>(() => Batches(grid, west, east, new BatchScheduleEntry { Model = "llama", BatchSize = 8 })).Message);
        Assert.Equal("entries[0].batch_size: 100 is not a feasible batch size of 'shared' at 'west' (feasible: 8, 16, 32, 64, 128, 256, 512)",
            Assert.Throws<ArgumentException>(() => Batches(grid, west, east, new BatchScheduleEntry { Model = "shared", BatchSize = 100 })).Message);
        Assert.Equal("entries[1]: 'shared' at 'east' is already set at 0 s by entries[0]",
            Assert.Throws<ArgumentException>(() => Batches(grid, west, east,
                new BatchScheduleEntry { Model = "shared", BatchSize = 8 },
                new BatchScheduleEntry { Datacenter = "east", Model = "shared", BatchSize = 16 })).Message);
    }

    [Fact]
    public void BatchValidationReportsEveryProblem()
    {
        var options = new BatchScheduleOptions
        {
            Entries = new[] { new BatchScheduleEntry { AtS = -2m, Datacenter = " ", Model = "", BatchSize = 0 } },
        };
        Assert.Equal(
            new[]
            {
                "entries[0].at_s: must be >= 0, got -2",
                "entries[0].datacenter: must not be empty",
                "entries[0].model: must not be empty",
                "entries[0].batch_size: must be > 0, got 0",
            },
            options.Validate().Select(p => $"{p.Path}: {p.Message}"));
    }

    [Fact]
    public void CapsAreCommandedAtTheirTimesAndCheckedAgainstTheMeasuredRange()
    {
        var (grid, west, east) = TwoSites();
        var controller = Caps(grid, west, east, new PowerCapScheduleEntry { AtS = 1m, Workload = "training", PowerCapW = 300 });
        var (recorded, _) = Rig.Run(new[] { west, east }, grid, controller, 2m);
        Assert.Equal(new[] { "west training 300", "east training 300" },
            recorded.Commands.Select(c => c.Command is SetPowerCap p ? $"{p.Target} {p.Workload} {p.PowerCapW}" : "?"));

        Assert.Equal("entries[0].power_cap_w: 150 W is outside the measured range of 'training' at 'west' [200, 700] W",
            Assert.Throws<ArgumentException>(() => Caps(grid, west, east, new PowerCapScheduleEntry { Workload = "training", PowerCapW = 150 })).Message);
        Assert.Equal("entries[0].power_cap_w: must be > 0, got -5",
            Assert.Single(new PowerCapScheduleOptions { Entries = new[] { new PowerCapScheduleEntry { Workload = "x", PowerCapW = -5 } } }.Validate()) is var p
                ? $"{p.Path}: {p.Message}" : "");
    }

    [Fact]
    public void OptionsBuiltInCodeAreCheckedToo()
    {
        var (grid, west, east) = TwoSites();
        var ex = Assert.Throws<ArgumentException>(() => Batches(grid, west, east, new BatchScheduleEntry { Model = "shared", BatchSize = -1 }));
        Assert.Equal("invalid batch-schedule options: entries[0].batch_size: must be > 0, got -1", ex.Message);
    }
}
