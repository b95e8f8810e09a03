using Xunit.Abstractions;
using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.PowerFlow;

/// <summary>Node voltages, losses, source power and final taps against OpenDSS's own solutions.</summary>
public sealed class OpenDssReferenceTests
{
    private readonly ITestOutputHelper _output;

    public OpenDssReferenceTests(ITestOutputHelper output) => _output = output;

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
        _output.WriteLine($"{variant}/{caseName}: max |dV| {worstPu:E2} pu at {worstNode}, max |dangle| {worstAngle:E2} deg, {result.Iterations} iterations");
        Assert.True(worstPu <= 1e-6, $"max |dV| {worstPu:E3} pu at {worstNode}");
        Assert.True(worstAngle <= 1e-4, $"max |dangle| {worstAngle:E3} deg");
        Physics.AssertBalanced(feeder, 1e-10);
    }

    [SharedDataTheory]
    [MemberData(nameof(AllCases))]
    public void Losses_source_power_and_taps_match_OpenDSS(string caseName, string variant)
    {
        var feeder = ReferenceCase.Load(caseName, variant);
        var result = feeder.Solve();
        var summary = ReferenceCase.Summary(caseName, variant);
        Physics.AssertBalanced(feeder, 1e-10);

        Assert.Equal(ReferenceCase.D(summary["losses_kw"]), result.LossesKw, 0.01);
        Assert.Equal(ReferenceCase.D(summary["source_p_kw"]), result.SourcePowerKw, 0.01);
        Assert.Equal(ReferenceCase.D(summary["source_q_kvar"]), result.SourceReactivePowerKvar, 0.01);
        string taps = string.Join(" ", result.Taps.Select(t => $"{t.Regulator[1..]}={t.TapRatio:F5}"));
        Assert.Equal(summary["taps_pu"], taps);
    }

    private static double Wrap(double deg) => deg - 360.0 * Math.Round(deg / 360.0);
}
