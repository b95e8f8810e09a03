using System.Collections.Immutable;
using OpenG2G.Controllers.NoOp;
using OpenG2G.Controllers.RuleBased;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Commands;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Controllers.Tests.RuleBased;

public class RuleBasedControllerTests
{
    private static RuleBasedController Build(RuleBasedOptions? options = null)
    {
        var grid = new LinearGrid("grid", Rig.Seconds(0.1m), HandInputs.TwoBuses, new double[6]) { ExcludedBuses = ImmutableHashSet.Create("sourcebus") };
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 1, 0.1, 10) });
        grid.AddDatacenter("dc", "b1", 0.95, new double[18], new double[18]);
        var controller = new RuleBasedController(options ?? new RuleBasedOptions(), Rig.Context("rb", grid, new[] { dc }, new[] { "b1" }));
        controller.Reset(Rig.RunContext());
        return controller;
    }

    [Fact]
    public void UndervoltageLowersTheBatchByStepTimesDepth()
    {
        var controller = Build();
        // Worst under = 0.95 - 0.90 = 0.05 pu; x = 7 - 10 x 0.05 = 6.5; 2^6.5 = 90.5 is nearer 64 than 128.
        var commands = controller.Step(Rig.At(0m), Rig.Inputs(HandInputs.Grid(1.0, 0.93, 0.90, 0.96), HandInputs.OneModel("dc", 128, 0.05)));
        Assert.Equal(0.05, controller.LastPressurePu, 12);
        Assert.Equal(new SetBatchSize("dc", "m", 64), Assert.Single(commands));
    }

    [Fact]
    public void OvervoltageRaisesTheBatch()
    {
        var controller = Build();
        // Worst over = 1.15 - 1.05 = 0.1 pu; x = 7 + 10 x 0.1 = 8: batch 256.
        var commands = controller.Step(Rig.At(0m), Rig.Inputs(HandInputs.Grid(1.0, 1.15, 1.0, 1.0), HandInputs.OneModel("dc", 128, 0.05)));
        Assert.Equal(-0.1, controller.LastPressurePu, 12);
        Assert.Equal(new SetBatchSize("dc", "m", 256), Assert.Single(commands));
    }

    [Fact]
    public void UndervoltageTakesPrecedenceOverOvervoltage()
    {
        var controller = Build();
        controller.Step(Rig.At(0m), Rig.Inputs(HandInputs.Grid(1.0, 0.94, 1.10, 1.0), HandInputs.OneModel("dc", 128, 0.05)));
        Assert.Equal(0.01, controller.LastPressurePu, 12);
    }

    [Fact]
    public void MovesAccumulateInContinuousLog2Space()
    {
        var controller = Build();
        var grid = HandInputs.Grid(1.0, 0.94, 1.0, 1.0); // 0.01 pu under: x falls by 0.1 per step
        var batches = new List<int>();
        for (int k = 0; k < 5; k++)
        {
            var commands = controller.Step(Rig.At(k), Rig.Inputs(grid, HandInputs.OneModel("dc", 128, 0.05)));
            batches.Add(commands.Count == 0 ? 128 : ((SetBatchSize)commands[0]).BatchSize);
        }
        // x = 6.9, 6.8, 6.7, 6.6, 6.5: 2^x = 119.4, 111.4, 104.0, 97.0, 90.5; 64 wins once 2^x < 96.
        Assert.Equal(new[] { 128, 128, 128, 128, 64 }, batches);
    }

    [Fact]
    public void DeadbandAndExcludedBusesCauseNoAction()
    {
        var controller = Build(new RuleBasedOptions { DeadbandPu = 0.005 });
        // b1 is 0.004 pu under (inside the deadband); sourcebus is far under but excluded.
        var commands = controller.Step(Rig.At(0m), Rig.Inputs(HandInputs.Grid(0.80, 0.946, 1.0, 1.0), HandInputs.OneModel("dc", 128, 0.05)));
        Assert.Equal(0.0, controller.LastPressurePu);
        Assert.Empty(commands);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public void LatencyGuardCancelsUpwardMovesWhileItlExceedsTheDeadline(bool guard, int expectedCommands)
    {
        var controller = Build(new RuleBasedOptions { LatencyGuard = guard });
        var commands = controller.Step(Rig.At(0m), Rig.Inputs(HandInputs.Grid(1.0, 1.15, 1.0, 1.0), HandInputs.OneModel("dc", 128, 0.2)));
        Assert.Equal(expectedCommands, commands.Count);
    }

    [Fact]
    public void LatencyGuardDoesNotBlockDownwardMoves()
    {
        var controller = Build();
        var commands = controller.Step(Rig.At(0m), Rig.Inputs(HandInputs.Grid(1.0, 0.90, 1.0, 1.0), HandInputs.OneModel("dc", 128, 0.2)));
        Assert.Equal(new SetBatchSize("dc", "m", 64), Assert.Single(commands));
    }

    [Fact]
    public void ReducesTheViolationIntegralAgainstNoControlInClosedLoop()
    {
        var feeder = new ChainFeeder(14, 1.0, 3.3e-6);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), FakeModelSpec.Ieee13Fleet());
        feeder.AttachDatacenter(grid, "dc", 13, 0.95);
        var (_, baseline) = Rig.Run(new[] { dc }, grid, new NoOpController("noop", Rig.Seconds(1m)), 120m);
        var controller = new RuleBasedController(new RuleBasedOptions(), Rig.Context("rb", grid, new[] { dc }, new[] { "b13" }));
        var (recorded, controlled) = Rig.Run(new[] { dc }, grid, controller, 120m);
        Assert.True(baseline.IntegralViolationPuS > 1.0);
        Assert.True(controlled.IntegralViolationPuS < 0.5 * baseline.IntegralViolationPuS,
            $"rule-based {controlled.IntegralViolationPuS} pu·s vs baseline {baseline.IntegralViolationPuS} pu·s");
        Assert.All(recorded.Commands, c => Assert.True(((SetBatchSize)c.Command).BatchSize < 128));
    }

    [Fact]
    public void ValidationReportsEveryProblem()
    {
        var options = new RuleBasedOptions { StepSizePerPu = -1, DeadbandPu = -0.1, VMinPu = 0, VMaxPu = 1.05 };
        Assert.Equal(
            new[]
            {
                "step_size_per_pu: must be > 0, got -1",
                "deadband_pu: must be >= 0, got -0.1",
                "v_min_pu: must be > 0, got 0",
            },
            options.Validate().Select(p => $"{p.Path}: {p.Message}"));
    }
}
