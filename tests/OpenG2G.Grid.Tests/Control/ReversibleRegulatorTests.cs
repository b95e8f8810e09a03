using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.PowerFlow;

namespace OpenG2G.Grid.Tests.Control;

/// <summary>Reversible regulators and MAX/MIN phase selection: what a sample measures and which way it moves.</summary>
public sealed class ReversibleRegulatorTests
{
    private static Feeder Load(double loadKw, string control) => Feeder.FromScript(DssReader.ReadText(FormattableString.Invariant($"""
        New Circuit.c basekv=12.47 pu=1.0 MVAsc3=200000 MVAsc1=210000
        New Line.feed bus1=sourcebus bus2=a phases=3 r1=0.3 x1=0.6 r0=0.6 x0=1.8 c1=0 c0=0 length=1 units=mi
        New Transformer.reg phases=3 windings=2 buses=[a b] conns=[wye wye] kvs=[12.47 12.47] kvas=[10000 10000] xhl=0.1 %loadloss=0.01
        New RegControl.creg transformer=reg winding=2 vreg=122 band=2 ptratio=60 {control}
        New Line.out bus1=b bus2=c phases=3 r1=0.3 x1=0.6 r0=0.6 x0=1.8 c1=0 c0=0 length=1 units=mi
        New Load.ld bus1=c kV=12.47 kW={loadKw} kvar=0 model=1 vminpu=0.5 vmaxpu=1.5
        Set VoltageBases=[12.47]
        CalcVoltageBases
        """), "t.dss"));

    private static double PhaseVolts(Feeder f, string bus, int phase)
    {
        var b = f.Network.FindBus(bus)!;
        return f.NodeVoltages[b.NodeIndex(phase)].Magnitude;
    }

    [Fact]
    public void Reverse_power_switches_to_the_reverse_settings_on_winding_one()
    {
        // A 3 MW generator (negative load) downstream pushes power back through the regulator.
        var f = Load(-3000, "reversible=yes revvreg=125 revband=2 revthreshold=100");
        f.ControlMode = ControlMode.Off;
        f.Tolerance = 1e-10;
        f.MaxIterations = 100;
        f.Solve();
        var reg = f.Regulators[0];
        reg.Sample(f.NodeVoltages);
        Assert.True(reg.InReverse);
        double expected = PhaseVolts(f, "a", 1) / 60.0; // winding 1, phase 1, no line-drop compensation
        Assert.Equal(expected, reg.LastControlVolts, 9);
        // Below 125 V on winding 1's side: the tap of winding 2 must go down to raise it.
        Assert.True(expected < 124.0, $"{expected} V");
        Assert.True(reg.PendingTapChange < 0, $"pending {reg.PendingTapChange}");
    }

    [Fact]
    public void Forward_power_keeps_the_forward_settings()
    {
        var f = Load(3000, "reversible=yes revvreg=125 revband=2");
        f.ControlMode = ControlMode.Off;
        f.Solve();
        var reg = f.Regulators[0];
        reg.Sample(f.NodeVoltages);
        Assert.False(reg.InReverse);
        Assert.Equal(PhaseVolts(f, "b", 1) / 60.0, reg.LastControlVolts, 9);
    }

    [Theory]
    [InlineData("max")]
    [InlineData("min")]
    public void Max_and_min_phase_regulate_the_extreme_phase(string selector)
    {
        var f = Feeder.FromScript(DssReader.ReadText($"""
            New Circuit.c basekv=12.47 pu=1.0 MVAsc3=200000 MVAsc1=210000
            New Transformer.reg phases=3 windings=2 buses=[sourcebus b] conns=[wye wye] kvs=[12.47 12.47] kvas=[10000 10000] xhl=0.1 %loadloss=0.01
            New RegControl.creg transformer=reg winding=2 vreg=122 band=2 ptratio=60 ptphase={selector}
            New Line.out bus1=b bus2=c phases=3 r1=0.3 x1=0.6 r0=0.6 x0=1.8 c1=0 c0=0 length=2 units=mi
            New Load.ld bus1=c.2 phases=1 kV=7.2 kW=1500 kvar=500 model=1 vminpu=0.5
            Set VoltageBases=[12.47]
            CalcVoltageBases
            """, "t.dss"));
        f.ControlMode = ControlMode.Off;
        f.Solve();
        var reg = f.Regulators[0];
        reg.Sample(f.NodeVoltages);
        var volts = Enumerable.Range(1, 3).Select(p => PhaseVolts(f, "b", p) / 60.0).ToArray();
        Assert.Equal(selector == "max" ? volts.Max() : volts.Min(), reg.LastControlVolts, 9);
    }
}
