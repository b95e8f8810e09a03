using System.Collections.Immutable;
using OpenG2G.Controllers.Ofo;
using OpenG2G.Controllers.Tests.Support;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.States;
using OpenG2G.Testing.Capabilities;

namespace OpenG2G.Controllers.Tests.Ofo;

/// <summary>One and two OFO steps against the published gradient, computed by hand from chosen inputs.</summary>
public class OfoGradientTests
{
    private static readonly BusPhaseIndex Nodes = new(new[]
    {
        new BusPhase("sourcebus", 1), new BusPhase("sourcebus", 2), new BusPhase("sourcebus", 3),
        new BusPhase("b1", 1), new BusPhase("b1", 2), new BusPhase("b1", 3),
    });

    // dV/dP in pu per kW (rows: nodes, columns: phases A, B, C); dV/dQ is half of it.
    private static readonly double[] DvDp =
    {
        -5e-6, -5e-6, -5e-6,
        -5e-6, -5e-6, -5e-6,
        -5e-6, -5e-6, -5e-6,
        -1e-5, -2e-6, -2e-6,
        -2e-6, -1e-5, -2e-6,
        -2e-6, -2e-6, -1e-5,
    };

    private static (OfoController Controller, FakeBatchDatacenter Dc, ServedModelInfo Model) Build()
    {
        var grid = new LinearGrid("grid", Rig.Seconds(0.1m), Nodes, new double[6]) { ExcludedBuses = ImmutableHashSet.Create("sourcebus") };
        grid.AddDatacenter("dc", "b1", 0.95, DvDp, DvDp.Select(x => 0.5 * x).ToArray());
        var spec = FakeModelSpec.Synthetic("m", 1, 0.1, 10) with { PhaseShare = new ThreePhase(0.5, 0.3, 0.2) };
        var dc = new FakeBatchDatacenter("dc", Rig.Seconds(0.1m), new[] { spec });
        var controller = new OfoController(new OfoOptions(), Rig.Context("ofo", grid, new[] { dc }, new[] { "b1" }));
        controller.Reset(Rig.RunContext());
        return (controller, dc, dc.Models[0]);
    }

    private static GridState Voltages() => new()
    {
        Time = Rig.At(0m),
        Nodes = Nodes,
        // sourcebus is deeply under the band but excluded; b1: under on A, inside on B, over on C.
        VoltagePu = ImmutableArray.Create(0.90, 0.90, 0.90, 0.94, 0.96, 1.06),
        VoltageAngleDeg = ImmutableArray.Create(new double[6]),
    };

    private static DatacenterState Observed(int batch) => new(Rig.At(0m), "dc", ThreePhase.Zero,
        ImmutableArray.Create(new ModelState("m", batch, 10, 0.12, 0, 0, double.NaN)));

    [Fact]
    public void TwoStepsFollowThePublishedGradient()
    {
        var (controller, _, model) = Build();
        double k = 1 + 0.5 * Math.Tan(Math.Acos(0.95)); // reactive power follows at pf 0.95; dV/dQ = dV/dP / 2
        double rMax = model.Curves.ThroughputTokensPerS(9).Value; // b_max = 512

        // Step 1: lambda_under(b1.1) = 0.01, lambda_over(b1.3) = 0.01, so eta = (-0.01, 0, +0.01) on b1.
        // H^T eta on phase A: -0.01 (-1e-5 k) + 0.01 (-2e-6 k) = 8e-8 k; B: 0; C: -8e-8 k.
        // e = (0.5, 0.3, 0.2): eta . H e = 0.5 (8e-8 k) - 0.2 (8e-8 k) = 2.4e-8 k. mu = 1.0 (0.12 - 0.1) = 0.02.
        double x0 = 7;
        double g1 = -0.001 * 10 * model.Curves.ThroughputTokensPerS(x0).Derivative / rMax
                    + 1e6 * 2.4e-8 * k * 10 * model.Curves.PowerW(x0).Derivative / 1000
                    + 0.02 * model.Curves.ItlS(x0).Derivative
                    + 1.0 * (x0 - x0);
        double x1 = x0 - 0.1 * g1;
        controller.Step(Rig.At(0m), Rig.Inputs(Voltages(), Observed(128)));
        OfoSnapshot s1 = controller.Snapshot();
        Assert.Equal(x1, s1.Sites[0].Models[0].Log2Batch, 12);
        Assert.Equal(0.02, s1.Sites[0].Models[0].LatencyDual, 12);
        Assert.Equal(new[] { 0, 0, 0, 0.01, 0, 0 }, s1.UnderVoltageDuals.Select(d => Math.Round(d, 12)));
        Assert.Equal(new[] { 0, 0, 0, 0, 0, 0.01 }, s1.OverVoltageDuals.Select(d => Math.Round(d, 12)));

        // Step 2, same observations: duals double (eta . H e = 4.8e-8 k), mu = 0.04, and the switching
        // term sees x1 - x0.
        double g2 = -0.001 * 10 * model.Curves.ThroughputTokensPerS(x1).Derivative / rMax
                    + 1e6 * 4.8e-8 * k * 10 * model.Curves.PowerW(x1).Derivative / 1000
                    + 0.04 * model.Curves.ItlS(x1).Derivative
                    + 1.0 * (x1 - x0);
        double x2 = x1 - 0.1 * g2;
        controller.Step(Rig.At(1m), Rig.Inputs(Voltages(), Observed(128)));
        Assert.Equal(x2, controller.Snapshot().Sites[0].Models[0].Log2Batch, 12);
        Assert.True(x2 < x1 && x1 < x0); // net undervoltage pressure on the phase holding most servers
    }

    [Fact]
    public void CommandsOnlyWhenTheRoundedBatchDiffersFromTheBatchInForce()
    {
        var (controller, _, _) = Build();
        // x moves by about 0.003 from 7: still nearest to 128, so nothing to command while 128 is in force...
        Assert.Empty(controller.Step(Rig.At(0m), Rig.Inputs(Voltages(), Observed(128))));
        // ...but the site reports 64 (set by someone else): OFO restores its own choice.
        var command = Assert.IsType<Core.Commands.SetBatchSize>(Assert.Single(controller.Step(Rig.At(1m), Rig.Inputs(Voltages(), Observed(64)))));
        Assert.Equal(new Core.Commands.SetBatchSize("dc", "m", 128), command);
    }

    [Fact]
    public void LatencyDualIsLeftAloneWithoutReplicasOrItl()
    {
        var (controller, _, _) = Build();
        controller.Step(Rig.At(0m), Rig.Inputs(Voltages(), Observed(128)));
        var noItl = new DatacenterState(Rig.At(1m), "dc", ThreePhase.Zero, ImmutableArray.Create(new ModelState("m", 128, 10, double.NaN, 0, 0, double.NaN)));
        controller.Step(Rig.At(1m), Rig.Inputs(Voltages(), noItl));
        var noReplicas = new DatacenterState(Rig.At(2m), "dc", ThreePhase.Zero, ImmutableArray.Create(new ModelState("m", 128, 0, 0.5, 0, 0, double.NaN)));
        controller.Step(Rig.At(2m), Rig.Inputs(Voltages(), noReplicas));
        Assert.Equal(0.02, controller.Snapshot().Sites[0].Models[0].LatencyDual, 12);
    }

    [Fact]
    public void AStateWithoutAControlledModelIsAnErrorNamingSiteModelAndTime()
    {
        var (controller, _, _) = Build();
        var wrong = new DatacenterState(Rig.At(3m), "dc", ThreePhase.Zero, ImmutableArray.Create(new ModelState("other", 128, 10, 0.05, 0, 0, double.NaN)));
        var ex = Assert.Throws<InvalidOperationException>(() => controller.Step(Rig.At(3m), Rig.Inputs(Voltages(), wrong)));
        Assert.Equal("datacenter 'dc' reported no state for model 'm' at t=3 s", ex.Message);
    }
}
