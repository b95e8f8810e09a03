using OpenG2G.Controllers.NoOp;
using OpenG2G.Controllers.Ofo;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Time;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Controllers.Tests.Ofo;

/// <summary>OFO on the kernel against a linear feeder carrying the five-model IEEE 13 fleet at its far end.</summary>
public class OfoClosedLoopTests
{
    private static (LinearGrid Grid, FakeBatchDatacenter Dc) Feeder(double sourcePu, double dropPuPerKwPerSegment)
    {
        var feeder = new ChainFeeder(14, sourcePu, dropPuPerKwPerSegment);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), FakeModelSpec.Ieee13Fleet());
        feeder.AttachDatacenter(grid, "dc", 13, 0.95);
        return (grid, dc);
    }

    private static OfoController Ofo(LinearGrid grid, FakeBatchDatacenter dc, OfoOptions? options = null) =>
        new(options ?? new OfoOptions(), Rig.Context("ofo", grid, new[] { dc }, new[] { "b13" }));

    [Fact]
    public void CutsTheViolationIntegralAgainstNoControlKeepingDualsNonNegativeAndBatchesFeasible()
    {
        var (grid, dc) = Feeder(1.0, 3.3e-6);
        var (_, baseline) = Rig.Run(new[] { dc }, grid, new NoOpController("noop", Rig.Seconds(1m)), 120m);

        var ofo = Ofo(grid, dc);
        var checkedOfo = new AfterEachStep(ofo, () =>
        {
            OfoSnapshot s = ofo.Snapshot();
            Assert.All(s.UnderVoltageDuals, d => Assert.True(d >= 0));
            Assert.All(s.OverVoltageDuals, d => Assert.True(d >= 0));
            Assert.All(s.Sites[0].Models, m => Assert.True(m.LatencyDual >= 0 && m.Log2Batch >= 3 && m.Log2Batch <= 9));
        });
        var (recorded, controlled) = Rig.Run(new[] { dc }, grid, checkedOfo, 120m);

        Assert.True(baseline.IntegralViolationPuS > 1.0, $"the baseline should violate clearly, got {baseline.IntegralViolationPuS} pu·s");
        Assert.True(controlled.IntegralViolationPuS < 0.2 * baseline.IntegralViolationPuS,
            $"OFO {controlled.IntegralViolationPuS} pu·s vs baseline {baseline.IntegralViolationPuS} pu·s");
        Assert.NotEmpty(recorded.Commands);
        Assert.All(recorded.Commands, c => Assert.Contains(((SetBatchSize)c.Command).BatchSize, FakeModelSpec.StandardBatches));
    }

    [Fact]
    public void UndervoltageLowersEveryBatchItMoves()
    {
        var (grid, dc) = Feeder(1.0, 3.3e-6);
        var (recorded, _) = Rig.Run(new[] { dc }, grid, Ofo(grid, dc), 30m);
        Assert.NotEmpty(recorded.Commands);
        Assert.All(recorded.Commands, c => Assert.True(((SetBatchSize)c.Command).BatchSize < 128));
    }

    [Fact]
    public void OvervoltageRaisesEveryBatchItMoves()
    {
        // 1.1 pu at the source and a stiff feeder: every watched node sits above 1.05 pu.
        var (grid, dc) = Feeder(1.1, 1e-7);
        var (recorded, _) = Rig.Run(new[] { dc }, grid, Ofo(grid, dc), 30m);
        Assert.NotEmpty(recorded.Commands);
        Assert.All(recorded.Commands, c => Assert.True(((SetBatchSize)c.Command).BatchSize > 128));
    }

    [Fact]
    public void MissedLatencyDeadlinesLowerTheBatchWithoutAnyVoltageViolation()
    {
        var feeder = new ChainFeeder(3, 1.0, 1e-9);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m));
        var slow = FakeModelSpec.Synthetic("m", 1, 0.1, 10) with { ItlFactor = 10.0 };
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { slow });
        feeder.AttachDatacenter(grid, "dc", 2, 0.95);
        var ofo = new OfoController(new OfoOptions(), Rig.Context("ofo", grid, new[] { dc }, new[] { "b2" }));
        var (recorded, voltage) = Rig.Run(new[] { dc }, grid, ofo, 60m);
        Assert.Equal(0, voltage.IntegralViolationPuS);
        Assert.NotEmpty(recorded.Commands);
        Assert.All(recorded.Commands, c => Assert.True(((SetBatchSize)c.Command).BatchSize < 128));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)] // steps 0, 3, 6, 9 of ten
    public void SensitivityIsComputedAtTheFirstStepAndThenEveryIntervalSteps(int interval, int expectedRequests)
    {
        var (grid, dc) = Feeder(1.0, 3.3e-6);
        Rig.Run(new[] { dc }, grid, Ofo(grid, dc, new OfoOptions { SensitivityUpdateInterval = interval }), 10m);
        Assert.Equal(expectedRequests, grid.SensitivityRequests);
    }

    [Fact]
    public void ARunAfterResetRepeatsTheFirstExactly()
    {
        var (grid, dc) = Feeder(1.0, 3.3e-6);
        var ofo = Ofo(grid, dc);
        var first = Rig.Run(new[] { dc }, grid, ofo, 40m).Recorded.Commands.Select(c => c.ToString()).ToList();
        var second = Rig.Run(new[] { dc }, grid, ofo, 40m).Recorded.Commands.Select(c => c.ToString()).ToList();
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    /// <summary>Runs a check after every step of the wrapped controller.</summary>
    private sealed class AfterEachStep(IController inner, Action check) : IController
    {
        public string Name => inner.Name;
        public TimeSpan Period => inner.Period;
        public void Reset(RunContext context) => inner.Reset(context);
        public void Start() => inner.Start();
        public void Stop() => inner.Stop();

        public IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
        {
            IReadOnlyList<Command> commands = inner.Step(now, inputs);
            check();
            return commands;
        }
    }
}
