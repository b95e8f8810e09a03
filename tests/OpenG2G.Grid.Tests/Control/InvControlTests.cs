using OpenG2G.Grid.Der;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Solver;

namespace OpenG2G.Grid.Tests.Control;

/// <summary>
/// The volt-var InvControl's steps, by hand, on a PV system held at 1.02 pu by a stiff source:
/// OpenDSS's algorithm starts from -1 kvar, moves each request deltaQ_factor of the way from the last
/// output to the curve's target (here -0.176 pu of kvarMax 550 = -96.8 kvar), and without deltaQ_factor
/// uses its adaptive factor (0.5 at first, +0.1 when the voltage settles).
/// </summary>
public sealed class InvControlTests
{
    private static string Circuit(string deltaQ) => $"""
        New Circuit.c basekv=12.47 pu=1.02 MVAsc3=1e9 MVAsc1=1e9
        New Line.l bus1=sourcebus bus2=b r1=1e-6 x1=1e-6 r0=1e-6 x0=1e-6 length=1 units=m
        New PVSystem.pv phases=3 bus1=b kV=12.47 kVA=550 Pmpp=500 irradiance=0.8 pf=1
        New XYCurve.vv npts=5 Xarray=[0.50 0.95 1.00 1.05 1.50] Yarray=[0.44 0.44 0.00 -0.44 -0.44]
        New InvControl.ic DERList=[PVSystem.pv] mode=VOLTVAR vvc_curve1=vv RefReactivePower=VARMAX {deltaQ}
        Set VoltageBases=[12.47] tolerance=1e-12 maxiterations=100
        CalcVoltageBases
        """;

    /// <summary>The kvar requested after <paramref name="actions"/> control actions (the loop stops there).</summary>
    private static double RequestAfter(int actions, string deltaQ)
    {
        var feeder = Feeder.FromScript(DssReader.ReadText(Circuit(deltaQ), "vv.dss"));
        feeder.ControlMode = ControlMode.Static;
        feeder.MaxControlIterations = actions;
        var e = Assert.Throws<PowerFlowNotConvergedException>(() => feeder.Solve());
        Assert.StartsWith($"inverter control did not converge after {actions} iterations: worst node ic", e.Message);
        return ((InverterUnit)feeder.Ders.Single()).KvarRequested;
    }

    [Fact]
    public void A_fixed_factor_moves_each_request_that_share_of_the_way_from_minus_1_kvar()
    {
        const double target = -0.44 * 0.02 / 0.05 * 550; // -96.8 kvar at 1.02 pu
        double first = -1 + (target + 1) * 0.3;           // -29.74
        double second = first + (target - first) * 0.3;  // -49.858
        Assert.Equal(first, RequestAfter(1, "deltaQ_factor=0.3"), 0.01);
        Assert.Equal(second, RequestAfter(2, "deltaQ_factor=0.3"), 0.01);
    }

    [Fact]
    public void Without_a_factor_OpenDSS_adapts_it_from_half()
    {
        const double target = -96.8;
        double first = -1 + (target + 1) * 0.5;           // the voltage moved from 0 to 1.02 pu: no previous change, factor 0.5
        double second = first + (target - first) * 0.6;  // the voltage then barely moves: factor + 0.1
        Assert.Equal(first, RequestAfter(1, ""), 0.01);
        Assert.Equal(second, RequestAfter(2, ""), 0.01);
    }

    [Fact]
    public void With_controls_off_it_does_nothing()
    {
        var feeder = Feeder.FromScript(DssReader.ReadText(Circuit(""), "vv.dss"));
        feeder.ControlMode = ControlMode.Off;
        feeder.Solve();
        Assert.Equal(0.0, feeder.DerPhasePowers(feeder.Ders.Single()).Sum(p => p.Imaginary), 6);
    }
}
