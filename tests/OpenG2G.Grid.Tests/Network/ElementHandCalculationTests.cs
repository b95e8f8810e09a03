using System.Numerics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Tests.Support;

namespace OpenG2G.Grid.Tests.Network;

/// <summary>Reactors, transformer core branches and center-tapped service transformers against hand calculations.</summary>
public sealed class ElementHandCalculationTests
{
    private static Feeder Solve(string text)
    {
        var f = Feeder.FromScript(DssReader.ReadText(text, "t.dss"));
        f.ControlMode = ControlMode.Off;
        f.Tolerance = 1e-12;
        f.MaxIterations = 100;
        f.Solve();
        return f;
    }

    private static Complex V(Feeder f, string bus, int node) => f.NodeVoltages[f.Network.FindBus(bus)!.NodeIndex(node)];

    [Fact]
    public void A_series_reactor_divides_the_voltage_with_a_constant_impedance_load()
    {
        var f = Solve("""
            New Circuit.c basekv=12.47 pu=1.0 r1=0 x1=1e-4 r0=0 x0=1e-4
            New Reactor.x bus1=sourcebus bus2=b phases=3 r=0.5 x=4
            New Load.l bus1=b phases=3 kV=12.47 kW=1500 kvar=0 model=2
            Set VoltageBases=[12.47]
            CalcVoltageBases
            """);
        double vln = 12470 / Math.Sqrt(3);
        double zLoad = vln * vln / 500_000; // ohms per phase
        // Balanced: per phase the source's 1e-4 ohm, the reactor and the load in series.
        double expected = vln * zLoad / (new Complex(zLoad, 0) + new Complex(0.5, 4 + 1e-4)).Magnitude;
        for (int p = 1; p <= 3; p++)
            Assert.Equal(expected, V(f, "b", p).Magnitude, 1e-6 * expected);
        Physics.AssertBalanced(f, 1e-12);
    }

    [Fact]
    public void No_load_losses_and_magnetising_current_at_rated_voltage()
    {
        // Open secondary: the source supplies only the core branch, %noloadloss and %imag of the rating.
        var f = Solve("""
            New Circuit.c basekv=12.47 pu=1.0 r1=0 x1=1e-4 r0=0 x0=1e-4
            New Transformer.t phases=1 windings=2 buses=[sourcebus.1 s.1] kvs=[7.2 0.24] kvas=[50 50] xhl=2 %loadloss=1 %noloadloss=0.4 %imag=1.5 ppm=0
            New Load.tiny bus1=s.1 phases=1 kV=0.24 kW=1e-9 kvar=0 model=2
            Set VoltageBases=[12.47 0.416]
            CalcVoltageBases
            """);
        var s = f.SourcePower() / 1000.0;
        // OpenDSS puts the core branch across winding 2: it sees (V2 / rated)^2. The magnetising current
        // through the 2 % leakage reactance and 1 % resistance adds about 0.24 var and 0.12 W.
        double ratio = V(f, "s", 1).Magnitude / 240.0;
        Assert.Equal(0.4 / 100 * 50 * ratio * ratio, s.Real, 2e-4);
        Assert.Equal(1.5 / 100 * 50 * ratio * ratio, s.Imaginary, 4e-4);
    }

    [Fact]
    public void A_center_tapped_transformer_gives_120_120_and_240_volts()
    {
        var f = Solve("""
            New Circuit.c basekv=12.47 pu=1.0 r1=0 x1=1e-4 r0=0 x0=1e-4
            New Transformer.ct phases=1 windings=3 buses=[sourcebus.1 x.1.0 x.0.2] kvs=[7.2 0.12 0.12] kvas=[25 25 25] %Rs=[0.6 1.2 1.2] xhl=2.04 xht=2.04 xlt=1.36 ppm=0
            New Load.l1 bus1=x.1 phases=1 kV=0.12 kW=1e-9 model=2
            New Load.l2 bus1=x.2 phases=1 kV=0.12 kW=1e-9 model=2
            Set VoltageBases=[12.47 0.208]
            CalcVoltageBases
            """);
        double vp = V(f, "sourcebus", 1).Magnitude;
        Complex v1 = V(f, "x", 1), v2 = V(f, "x", 2);
        Assert.Equal(120.0 * vp / 7200.0, v1.Magnitude, 1e-6);
        Assert.Equal(120.0 * vp / 7200.0, v2.Magnitude, 1e-6);
        // The two halves are in series: 240 V from leg to leg (opposite phases).
        Assert.Equal(240.0 * vp / 7200.0, (v1 - v2).Magnitude, 1e-6);
    }
}
