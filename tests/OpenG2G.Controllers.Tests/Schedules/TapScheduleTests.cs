using System.Collections.Immutable;
using OpenG2G.Controllers.Schedules;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Testing.Capabilities;
using OpenG2G.Testing.Fakes;

namespace OpenG2G.Controllers.Tests.Schedules;

public class TapScheduleTests
{
    private static (LinearGrid Grid, FakeBatchDatacenter Dc) Feeder()
    {
        var feeder = new ChainFeeder(3, 1.0, 1e-6);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        foreach ((string reg, int phase) in new[] { ("creg1a", 1), ("creg1b", 2), ("creg1c", 3) })
            grid.AddRegulator(new RegulatorInfo(reg, "reg" + reg[^1], "b1", ImmutableArray.Create(phase), 0.9, 1.1, 0.00625), 1.0);
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 1, 0.1, 10) });
        feeder.AttachDatacenter(grid, "dc", 2, 0.95);
        return (grid, dc);
    }

    private static TapScheduleController Build(LinearGrid grid, FakeBatchDatacenter dc, params TapScheduleEntry[] entries) =>
        new(new TapScheduleOptions { Entries = entries }, Rig.Context("taps", grid, new[] { dc }, new[] { "b2" }));

    [Fact]
    public void StepsBecomeRatiosAtTheFirstControllerStepAtOrAfterTheirTime()
    {
        var (grid, dc) = Feeder();
        var controller = Build(grid, dc,
            new TapScheduleEntry { AtS = 1.5m, Regulator = "creg1a", Step = 16 },
            new TapScheduleEntry { AtS = 1.5m, Regulator = "CREG1B", Ratio = 1.0375 },
            new TapScheduleEntry { AtS = 3m, Regulator = "regc", Step = -8 });
        var (recorded, _) = Rig.Run(new[] { dc }, grid, controller, 5m);

        Assert.Equal(2, recorded.Commands.Count);
        var first = Assert.IsType<SetTaps>(recorded.Commands[0].Command);
        Assert.Equal(Rig.At(2m), recorded.Commands[0].IssuedAt); // 1.5 s is between steps at 1 s and 2 s
        Assert.Equal("grid", first.Target);
        Assert.Equal(new[] { "creg1a", "creg1b" }, first.TapRatios.Keys.OrderBy(k => k));
        Assert.Equal(1.1, first.TapRatios["creg1a"], 12); // 1 + 0.00625 x 16
        Assert.Equal(1.0375, first.TapRatios["creg1b"], 12);
        var second = Assert.IsType<SetTaps>(recorded.Commands[1].Command);
        Assert.Equal(Rig.At(3m), recorded.Commands[1].IssuedAt);
        Assert.Equal(0.95, second.TapRatios["creg1c"], 12); // transformer name "regc" names creg1c
    }

    [Fact]
    public void LaterEntryForTheSameRegulatorWinsWithinOneStep()
    {
        var (grid, dc) = Feeder();
        var controller = Build(grid, dc,
            new TapScheduleEntry { AtS = 0.2m, Regulator = "creg1a", Step = 4 },
            new TapScheduleEntry { AtS = 0.7m, Regulator = "creg1a", Step = 8 });
        var (recorded, _) = Rig.Run(new[] { dc }, grid, controller, 2m);
        var only = Assert.IsType<SetTaps>(Assert.Single(recorded.Commands).Command);
        Assert.Equal(1.05, only.TapRatios["creg1a"], 12);
    }

    [Fact]
    public void ARunAfterResetAppliesTheScheduleAgain()
    {
        var (grid, dc) = Feeder();
        var controller = Build(grid, dc, new TapScheduleEntry { AtS = 0m, Regulator = "creg1a", Step = 2 });
        Assert.Single(Rig.Run(new[] { dc }, grid, controller, 1m).Recorded.Commands);
        Assert.Single(Rig.Run(new[] { dc }, grid, controller, 1m).Recorded.Commands);
    }

    [Fact]
    public void ValidationReportsEveryProblem()
    {
        var options = new TapScheduleOptions
        {
            Entries = new[]
            {
                new TapScheduleEntry { AtS = -1m, Regulator = "", Step = 1, Ratio = 1.0 },
                new TapScheduleEntry { AtS = 0.00000001m, Regulator = "creg1a" },
                new TapScheduleEntry { AtS = 1m, Regulator = "creg1a", Ratio = -1.0 },
            },
        };
        Assert.Equal(
            new[]
            {
                "entries[0].at_s: must be >= 0, got -1",
                "entries[0].regulator: must not be empty",
                "entries[0]: give exactly one of step or ratio",
                "entries[1].at_s: must be a whole number of 100 ns ticks, got 0.00000001",
                "entries[1]: give exactly one of step or ratio",
                "entries[2].ratio: must be > 0, got -1",
            },
            options.Validate().Select(p => $"{p.Path}: {p.Message}"));
    }

    [Fact]
    public void UnknownRegulatorIsRejectedWithTheFeedersRegulators()
    {
        var (grid, dc) = Feeder();
        var ex = Assert.Throws<ArgumentException>(() => Build(grid, dc, new TapScheduleEntry { AtS = 1m, Regulator = "creg9", Step = 1 }));
        Assert.Equal("entries[0].regulator: the feeder has no regulator 'creg9' (regulators: 'creg1a', 'creg1b', 'creg1c')", ex.Message);
    }

    [Fact]
    public void StepOutsideTheRegulatorsRangeIsRejected()
    {
        var (grid, dc) = Feeder();
        var ex = Assert.Throws<ArgumentException>(() => Build(grid, dc, new TapScheduleEntry { AtS = 1m, Regulator = "creg1a", Step = 17 }));
        Assert.Equal("entries[0].step: tap step 17 gives ratio 1.10625 outside the range of 'creg1a' [0.9, 1.1]", ex.Message);
    }

    [Fact]
    public void TwoSettingsOfOneRegulatorAtOneTimeAreRejected()
    {
        var (grid, dc) = Feeder();
        var ex = Assert.Throws<ArgumentException>(() => Build(grid, dc,
            new TapScheduleEntry { AtS = 1m, Regulator = "creg1a", Step = 1 },
            new TapScheduleEntry { AtS = 1m, Regulator = "rega", Step = 2 }));
        Assert.Equal("entries[1]: regulator 'creg1a' is already set at 1 s by entries[0]", ex.Message);
    }

    [Fact]
    public void AGridWithoutTapsIsRejectedNamingTheCapability()
    {
        var grid = new FakeGrid("grid", Rig.Seconds(0.1m));
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 1, 0.1, 10) });
        var context = new Core.Composition.ControllerBuildContext("taps", Rig.Seconds(1m), ".", ImmutableArray.Create<Core.Components.IDatacenter>(dc),
            ImmutableArray.Create<Core.Components.IDatacenter>(dc), grid);
        var ex = Assert.Throws<InvalidOperationException>(() => new TapScheduleController(new TapScheduleOptions(), context));
        Assert.Equal("controller 'taps' needs regulators whose taps can be set (ITapChanger), but 'grid' (FakeGrid) does not provide it", ex.Message);
    }
}
