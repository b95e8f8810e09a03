using OpenG2G.Core.Composition;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Solver;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.Solver;

/// <summary>
/// A NaN fails every comparison, so a solve fed one used to "converge" with NaN everywhere. It now fails,
/// naming the first node whose voltage is not a number.
/// </summary>
public sealed class NonFiniteSolutionTests
{
    private static Feeder Ieee13() =>
        Feeder.Load(Path.Combine(SharedData.RepositoryRoot, "grids", "ieee13", "ieee13.dss"), [AttachedLoad.ThreePhase("dc", "671", LoadConnection.Wye)]);

    [Fact]
    public void A_nan_source_voltage_fails_the_solve_naming_the_node()
    {
        Feeder f = Ieee13();
        f.SetSourcePerUnit(double.NaN);

        var e = Assert.Throws<PowerFlowNotConvergedException>(() => f.Solve());

        Assert.Equal("power flow diverged in iteration 1: the voltage of node sourcebus.1 is not a finite number (NaN or infinite); check the source voltage, loads and impedances", e.Message);
        Assert.Equal("sourcebus.1", e.WorstNode);
    }

    [Fact]
    public void An_infinite_attachment_power_fails_the_solve()
    {
        Feeder f = Ieee13();
        f.Solve();
        f.SetAttachmentPower(f.AttachmentBranches("dc")[0], double.PositiveInfinity, 0);

        var e = Assert.Throws<PowerFlowNotConvergedException>(() => f.Solve());

        Assert.StartsWith("power flow diverged in iteration 1: the voltage of node ", e.Message, StringComparison.Ordinal);
        Assert.True(double.IsNaN(e.WorstChangePu));
    }
}
