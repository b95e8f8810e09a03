using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.PowerFlow;

/// <summary>Node voltages, losses, source power and final taps against OpenDSS's own solutions.</summary>
public sealed class OpenDssReferenceTests
{
    public static TheoryData<string, string> AllCases()
    {
        var data = new TheoryData<string, string>();
        foreach (string v in ReferenceCase.Variants)
            foreach (string c in ReferenceCase.Cases)
                data.Add(c, v);
        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(AllCases))]
    public void Voltages_match_OpenDSS(string caseName, string variant)
    {
        var feeder = ReferenceCase.Load(caseName, variant);
        var result = feeder.Solve();
        var reference = ReferenceCase.Voltages(caseName, variant);

        Assert.Equal(reference.Count, result.Nodes.Count);
        double worstPu = 0, worstAngle = 0;
        string worstNode = "";
        for (int i = 0; i < result.Nodes.Count; i++)
        {
            var node = result.Nodes.Nodes[i];
            Assert.True(reference.TryGetValue((node.Bus, node.Phase), out var r), $"{node} not in the reference");
            double dv = Math.Abs(result.VoltagePu[i] - r.Pu);
            double da = Math.Abs(Wrap(result.AngleDeg[i] - r.AngleDeg));
            if (dv > worstPu) { worstPu = dv; worstNode = node.ToString(); }
            worstAngle = Math.Max(worstAngle, da);
        }
        Assert.True(worstPu <= 1e-6, $"max |dV| {worstPu:E3} pu at {worstNode}");
        Assert.True(worstAngle <= 1e-4, $"max |dangle| {worstAngle:E3} deg");
    }

    private static double Wrap(double deg) => deg - 360.0 * Math.Round(deg / 360.0);
}
