using System.Collections.Immutable;
using OpenG2G.Controllers.Mpc;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Time;
using OpenG2G.Numerics.Qp;
using OpenG2G.Testing.Capabilities;
using OpenG2G.Testing.Fakes;

namespace OpenG2G.Controllers.Tests.Mpc;

/// <summary>
/// The MPC in closed loop on a linear feeder (exact sensitivities) with a noise-free site whose one
/// model follows its fitted curves: ITL ceiling, rate limit, command delay, fallback and reporting.
/// </summary>
public class MpcControllerTests
{
    private const double Deadline = 0.1;

    private static (LinearGrid Grid, FakeBatchDatacenter Site) Rig13(double offsetPu, int initialBatch = 128)
    {
        var feeder = new ChainFeeder(4, 1.0, 3e-6);
        LinearGrid grid = feeder.Build("grid", Rig.Seconds(0.1m), _ => offsetPu);
        var site = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { FakeModelSpec.Synthetic("m", 8, Deadline, 20) with { InitialBatchSize = initialBatch } });
        feeder.AttachDatacenter(grid, "dc", 3, 0.95);
        return (grid, site);
    }

    private static MpcController Mpc(LinearGrid grid, FakeBatchDatacenter site, MpcOptions options) =>
        new(options, Rig.Context("mpc", grid, new[] { site }, new[] { "b3" }));

    private static List<SetBatchSize> Batches(RecordingObserver recorded) =>
        recorded.Commands.Select(c => c.Command).OfType<SetBatchSize>().ToList();

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.0)]
    public void Under_overvoltage_batches_rise_to_the_itl_ceiling_and_no_further(double itlMargin)
    {
        var (grid, site) = Rig13(offsetPu: +0.12);
        var spec = FakeModelSpec.Synthetic("m", 8, Deadline, 20);
        // The ceiling, from the curve alone: the largest feasible size whose fitted mean ITL keeps (1 - margin) x deadline.
        int ceiling = spec.FeasibleBatchSizes.Where(b => spec.Curves.ItlS(Math.Log2(b)).Value <= (1 - itlMargin) * Deadline).Max();

        var (recorded, _) = Rig.Run([site], grid, Mpc(grid, site, new MpcOptions { ItlMarginFraction = itlMargin }), 30m);

        var batches = Batches(recorded);
        Assert.Equal(ceiling, batches[^1].BatchSize);
        Assert.All(batches, b => Assert.True(b.BatchSize <= ceiling, $"commanded {b.BatchSize} above the ceiling {ceiling}"));
        Assert.Equal(itlMargin == 0 ? 512 : 256, ceiling);
    }

    [Fact]
    public void Under_deep_undervoltage_batches_fall_at_most_the_rate_limit_per_step_to_the_smallest()
    {
        var (grid, site) = Rig13(offsetPu: -0.2, initialBatch: 512);

        var (recorded, _) = Rig.Run([site], grid, Mpc(grid, site, new MpcOptions()), 20m);

        var sizes = Batches(recorded).Select(b => b.BatchSize).Prepend(512).ToList();
        Assert.Equal(8, sizes[^1]);
        for (int k = 1; k < sizes.Count; k++)
            Assert.True(Math.Abs(Math.Log2(sizes[k]) - Math.Log2(sizes[k - 1])) <= 1 + 1e-12, $"{sizes[k - 1]} -> {sizes[k]} in {string.Join(", ", recorded.Commands.Select(c => c.IssuedAt + " " + c.Command))}");
        Assert.True(sizes.Count >= 7, "the rate limit of one halving per step takes six steps from 512 to 8");
    }

    [Fact]
    public void The_command_delay_comes_from_the_scenario_unless_the_options_name_one()
    {
        var (grid, site) = Rig13(0);
        var context = new ControllerBuildContext("mpc", Rig.Seconds(1m), ".", [site], [site], grid,
            [new DatacenterAttachment("dc", "b3", LoadConnection.Wye, 0.95)], commandDelay: Rig.Seconds(3m));

        Assert.Equal(Rig.Seconds(3m), new MpcController(new MpcOptions(), context).CommandDelay);
        Assert.Equal(Rig.Seconds(1.5m), new MpcController(new MpcOptions { CommandDelayS = 1.5 }, context).CommandDelay);
    }

    [Fact]
    public void With_a_command_delay_a_pending_command_is_not_repeated()
    {
        var (grid, site) = Rig13(offsetPu: -0.2, initialBatch: 512);
        var context = new ControllerBuildContext("mpc", Rig.Seconds(1m), ".", [site], [site], grid,
            [new DatacenterAttachment("dc", "b3", LoadConnection.Wye, 0.95)], commandDelay: Rig.Seconds(3m));
        var mpc = new MpcController(new MpcOptions(), context);
        var recorded = new RecordingObserver();
        new Simulation(new SimulationSetup([site], grid, [new ControllerSlot(mpc, Rig.Seconds(3m))], Rig.Seconds(20m)), [recorded]).Run(seed: 1);

        var sizes = Batches(recorded).Select(b => b.BatchSize).ToList();
        Assert.Equal(sizes.Count, sizes.Distinct().Count());
        Assert.Equal(8, sizes[^1]);
        Assert.All(recorded.Commands, c => Assert.Equal(c.IssuedAt + Rig.Seconds(3m), c.AppliedAt));
    }

    [Fact]
    public void A_qp_without_a_usable_solution_is_reported_and_the_batches_in_force_are_held()
    {
        var (grid, site) = Rig13(offsetPu: -0.2);
        var mpc = Mpc(grid, site, new MpcOptions { Solver = new MpcSolverOptions { MaxIterations = 1 } });
        var events = new Rig.RecordingEvents();
        site.Reset(Rig.RunContext(events));
        grid.Reset(Rig.RunContext(events));
        mpc.Reset(Rig.RunContext(events));

        var states = site.Step(SimTime.Zero);
        var commands = mpc.Step(SimTime.Zero, Rig.Inputs(grid.Step(SimTime.Zero, [states]), states));

        Assert.Empty(commands);
        var e = Assert.Single(events.Events);
        Assert.Equal(("mpc", "controller.mpc_fallback"), (e.Source, e.Kind));
        Assert.Equal("QP stopped at its iteration limit after 1 iterations; holding the previous plan", e.Message);
        Assert.Equal((QpStatus.IterationLimit, 1), (mpc.Snapshot.Status, mpc.Snapshot.Fallbacks));
        Assert.All(mpc.Snapshot.Log2BatchPlan[0], x => Assert.Equal(7.0, x));
    }

    [Fact]
    public void A_solved_step_reports_its_plan_and_the_constrained_bus_phases()
    {
        var (grid, site) = Rig13(offsetPu: -0.07);
        var mpc = Mpc(grid, site, new MpcOptions { HorizonSteps = 8, ConstrainedNodes = 2 });
        mpc.Reset(Rig.RunContext());
        site.Reset(Rig.RunContext());
        grid.Reset(Rig.RunContext());

        var states = site.Step(SimTime.Zero);
        mpc.Step(SimTime.Zero, Rig.Inputs(grid.Step(SimTime.Zero, [states]), states));

        MpcSnapshot s = mpc.Snapshot;
        Assert.Equal(QpStatus.Solved, s.Status);
        Assert.InRange(s.Iterations, 1, 400);
        Assert.Equal(8, Assert.Single(s.Log2BatchPlan).Length);
        // The lowest voltages of a chain are at its far end: b3, phases 1 to 3 (two of them, as asked).
        Assert.Equal(2, s.LowerConstrained.Length);
        Assert.All(s.LowerConstrained, n => Assert.Equal("b3", n.Bus));
        Assert.Empty(s.UpperConstrained);
        Assert.Equal(8 * (1 + 2), s.Variables);
    }
}
