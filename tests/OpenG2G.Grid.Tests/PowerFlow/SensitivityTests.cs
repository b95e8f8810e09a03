using OpenG2G.Core.Composition;
using OpenG2G.Grid.Attachments;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.PowerFlow;

/// <summary>Linearised voltage sensitivities against finite differences of the full power flow.</summary>
public sealed class SensitivityTests
{
    [SharedDataTheory]
    [InlineData("ieee13/IEEE13Bus.dss", "671", LoadConnection.Wye)]
    [InlineData("ieee13/IEEE13Bus.dss", "675", LoadConnection.Delta)]
    [InlineData("ieee34/IEEE34Bus.dss", "834", LoadConnection.Wye)]
    public void Sensitivities_match_finite_differences(string file, string bus, LoadConnection connection)
    {
        var feeder = Feeder.Load(SharedData.PathOf("feeders/" + file), [AttachedLoad.ThreePhase("dc", bus, connection)]);
        feeder.ControlMode = OpenG2G.Grid.Model.ControlMode.Off;
        feeder.Tolerance = 1e-13;
        feeder.MaxIterations = 500;
        var branches = feeder.AttachmentBranches("dc").ToArray();
        double[] kw = [120, 80, 100];
        for (int p = 0; p < 3; p++)
            feeder.SetAttachmentPower(branches[p], kw[p] * 1000, kw[p] * 300);
        feeder.Solve();
        var (dp, dq) = feeder.Sensitivities(branches);

        const double h = 0.5; // kW or kvar
        for (int p = 0; p < 3; p++)
        {
            for (int kind = 0; kind < 2; kind++)
            {
                double[] Solve(double delta)
                {
                    double w = kw[p] * 1000 + (kind == 0 ? delta * 1000 : 0);
                    double v = kw[p] * 300 + (kind == 1 ? delta * 1000 : 0);
                    feeder.SetAttachmentPower(branches[p], w, v);
                    return feeder.Solve().VoltagePu.ToArray();
                }
                double[] plus = Solve(h), minus = Solve(-h);
                Solve(0);
                var analytic = kind == 0 ? dp : dq;
                double scale = 0, worst = 0;
                for (int i = 0; i < plus.Length; i++)
                {
                    double fd = (plus[i] - minus[i]) / (2 * h);
                    scale = Math.Max(scale, Math.Abs(fd));
                    worst = Math.Max(worst, Math.Abs(fd - analytic[i * 3 + p]));
                }
                Assert.True(scale > 0);
                Assert.True(worst <= 1e-3 * scale, $"phase {p + 1} {(kind == 0 ? "dV/dP" : "dV/dQ")}: error {worst:E2} vs scale {scale:E2}");
            }
        }
    }
}
