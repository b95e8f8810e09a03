using OpenG2G.Core.Composition;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Solver;
using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.PowerFlow;

/// <summary>Factorisation reuse, warm starts and non-convergence.</summary>
public sealed class SolverBehaviourTests
{
    private static Feeder Ieee13WithDatacenter()
    {
        var f = Feeder.Load(SharedData.PathOf("feeders/ieee13/IEEE13Bus.dss"), [AttachedLoad.ThreePhase("dc", "671", LoadConnection.Wye)]);
        f.ControlMode = ControlMode.Off;
        return f;
    }

    [SharedDataFact]
    public void Load_changes_reuse_the_factorisation_and_tap_moves_refactor_once()
    {
        var f = Ieee13WithDatacenter();
        int dc = f.AttachmentBranches("dc")[0];
        f.SetAttachmentPower(dc, 300e3, 100e3);
        f.Solve();
        int factorizations = f.Solver.Factorizations;
        for (int i = 0; i < 5; i++)
        {
            f.SetAttachmentPower(dc, 300e3 + 1000 * i, 100e3);
            f.Solve();
        }
        Assert.Equal(factorizations, f.Solver.Factorizations);

        f.SetTap(f.Regulators[0], 1.00625);
        f.Solve();
        f.Solve();
        Assert.Equal(factorizations + 1, f.Solver.Factorizations);
        Physics.AssertBalanced(f, f.Tolerance);
    }

    [SharedDataFact]
    public void A_warm_start_after_a_tiny_change_converges_in_one_iteration()
    {
        var f = Ieee13WithDatacenter();
        int dc = f.AttachmentBranches("dc")[0];
        f.SetAttachmentPower(dc, 300e3, 100e3);
        f.Solve();
        f.SetAttachmentPower(dc, 300.01e3, 100e3);
        Assert.Equal(1, f.Solve().Iterations);
    }

    [SharedDataFact]
    public void Non_convergence_is_an_exception_naming_iterations_and_node()
    {
        var f = Ieee13WithDatacenter();
        f.Tolerance = 1e-12;
        f.MaxIterations = 2;
        var e = Assert.Throws<PowerFlowNotConvergedException>(() => f.Solve());
        Assert.Equal(2, e.Iterations);
        Assert.Matches(@"^power flow did not converge after 2 iterations: worst node [0-9a-z]+\.[1-3] still changed by [0-9.E-]+ pu \(tolerance 1E-12\)$", e.Message);
    }
}
