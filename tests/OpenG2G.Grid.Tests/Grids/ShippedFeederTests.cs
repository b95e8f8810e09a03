using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.Grids;

/// <summary>
/// The feeders shipped under grids/ (written from the public feeder facts) solve to the same
/// voltages and taps as the reference copies of ../shared/feeders.
/// </summary>
public sealed class ShippedFeederTests
{
    [SharedDataTheory]
    [InlineData("ieee13/ieee13.dss", "ieee13/IEEE13Bus.dss", ControlMode.Off)]
    [InlineData("ieee13/ieee13.dss", "ieee13/IEEE13Bus.dss", ControlMode.Static)]
    [InlineData("ieee34/ieee34.dss", "ieee34/IEEE34Bus.dss", ControlMode.Off)]
    [InlineData("ieee34/ieee34.dss", "ieee34/IEEE34Bus.dss", ControlMode.Static)]
    [InlineData("ieee123/ieee123.dss", "ieee123/IEEE123Bus.dss", ControlMode.Off)]
    [InlineData("ieee123/ieee123.dss", "ieee123/IEEE123Bus.dss", ControlMode.Static)]
    public void Shipped_feeder_matches_the_reference_copy(string shipped, string reference, ControlMode mode)
    {
        var ours = Solve(Path.Combine(SharedData.RepositoryRoot, "grids", shipped), mode);
        var theirs = Solve(SharedData.PathOf("feeders/" + reference), mode);

        Assert.Equal(theirs.Nodes.Nodes.OrderBy(n => n.ToString()), ours.Nodes.Nodes.OrderBy(n => n.ToString()));
        for (int i = 0; i < theirs.Nodes.Count; i++)
        {
            int j = ours.Nodes.IndexOf(theirs.Nodes.Nodes[i]);
            Assert.Equal(theirs.VoltagePu[i], ours.VoltagePu[j], 1e-9);
            Assert.Equal(theirs.AngleDeg[i], ours.AngleDeg[j], 1e-7);
        }
        Assert.Equal(theirs.Taps.Select(t => (t.Regulator, t.TapStep)), ours.Taps.Select(t => (t.Regulator, t.TapStep)));
    }

    private static PowerFlowResult Solve(string path, ControlMode mode)
    {
        var feeder = Feeder.Load(path);
        // The reference copy ends with OpenDSS's Solve, which moves its taps while loading; compare both
        // from taps at 1.0, as the reference cases do.
        foreach (var reg in feeder.Regulators)
            feeder.SetTap(reg, 1.0);
        feeder.ResetSolution();
        feeder.ControlMode = mode;
        feeder.Tolerance = 1e-10;
        feeder.MaxIterations = 100;
        var result = feeder.Solve();
        Physics.AssertBalanced(feeder, feeder.Tolerance);
        return result;
    }
}
