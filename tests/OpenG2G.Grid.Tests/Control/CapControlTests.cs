using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model;
using OpenG2G.Grid.Model.Capacitors;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Tests.Support;

namespace OpenG2G.Grid.Tests.Control;

/// <summary>Capacitor controls in static mode: OpenDSS's ON/OFF rules on the measured quantity.</summary>
public sealed class CapControlTests
{
    private static Feeder Load(string control, string states = "[0 0]") => Feeder.FromScript(DssReader.ReadText($"""
        New Circuit.c basekv=12.47 pu=1.0 MVAsc3=200000 MVAsc1=210000
        New Line.l1 bus1=sourcebus bus2=b phases=3 r1=0.3 x1=0.6 r0=0.6 x0=1.8 c1=0 c0=0 length=2 units=mi
        New Load.ld bus1=b kV=12.47 kW=3000 pf=0.85 model=1 vminpu=0.7
        New Capacitor.c1 bus1=b kv=12.47 kvar=[300 300] states={states}
        New CapControl.cc capacitor=c1 element=Line.l1 terminal=2 {control}
        Set VoltageBases=[12.47]
        CalcVoltageBases
        """, "t.dss"));

    private static double PhaseAVoltsOverPt(Feeder f, double ptRatio)
    {
        var bus = f.Network.FindBus("b")!;
        return f.NodeVoltages[bus.NodeIndex(1)].Magnitude / ptRatio;
    }

    private static double OffModeVoltage(string states)
    {
        var probe = Load("type=voltage ptratio=60 onsetting=1 offsetting=2", states);
        probe.ControlMode = ControlMode.Off;
        probe.Tolerance = 1e-10;
        probe.MaxIterations = 100;
        probe.Solve();
        return PhaseAVoltsOverPt(probe, 60);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Voltage_control_adds_steps_while_the_voltage_stays_below_ON(bool onAboveOneStep)
    {
        double open = OffModeVoltage("[0 0]");
        double oneStep = OffModeVoltage("[1 0]");
        Assert.True(oneStep > open, $"a step raises the voltage: {oneStep} vs {open}");
        // ON between the two voltages: one step lifts V above ON and the control stops; ON above both: two steps.
        double on = onAboveOneStep ? oneStep + 1.0 : (open + oneStep) / 2.0;
        var f = Load(FormattableString.Invariant($"type=voltage ptratio=60 onsetting={on} offsetting={on + 40}"));
        f.ControlMode = ControlMode.Static;
        f.Tolerance = 1e-10;
        f.MaxIterations = 100;
        f.Solve();
        Assert.Equal(onAboveOneStep ? 2 : 1, f.Model.Find<CapacitorElement>("c1")!.StepsInService);
        Physics.AssertBalanced(f, 1e-10);
    }

    [Fact]
    public void Voltage_control_opens_a_closed_bank_above_OFF()
    {
        var f = Load("type=voltage ptratio=60 onsetting=10 offsetting=20", states: "[1 1]");
        f.ControlMode = ControlMode.Static;
        f.Solve();
        // About 70 V on the PT secondary is far above OFF = 20: one step per control action until open.
        Assert.Equal(0, f.Model.Find<CapacitorElement>("c1")!.StepsInService);
    }

    [Fact]
    public void Kvar_control_uses_the_reactive_power_into_the_monitored_terminal()
    {
        // Terminal 2 of the line: power flows out of the line into bus b, so kvar into terminal 2 is
        // negative (about -1860 kvar for the 3 MW, pf 0.85 load): below OFF = -100 a closed bank opens.
        var f = Load("type=kvar onsetting=100 offsetting=-100", states: "[1 1]");
        f.ControlMode = ControlMode.Static;
        f.Solve();
        Assert.Equal(0, f.Model.Find<CapacitorElement>("c1")!.StepsInService);

        // Watching terminal 1 (+1860 kvar flowing in) with ON = 150: an open bank closes both steps.
        var g = Feeder.FromScript(DssReader.ReadText("""
            New Circuit.c basekv=12.47 pu=1.0 MVAsc3=200000 MVAsc1=210000
            New Line.l1 bus1=sourcebus bus2=b phases=3 r1=0.3 x1=0.6 r0=0.6 x0=1.8 c1=0 c0=0 length=2 units=mi
            New Load.ld bus1=b kV=12.47 kW=3000 pf=0.85 model=1 vminpu=0.7
            New Capacitor.c1 bus1=b kv=12.47 kvar=[300 300] states=[0 0]
            New CapControl.cc capacitor=c1 element=Line.l1 terminal=1 type=kvar onsetting=150 offsetting=-225
            Set VoltageBases=[12.47]
            CalcVoltageBases
            """, "t.dss"));
        g.ControlMode = ControlMode.Static;
        g.Solve();
        Assert.Equal(2, g.Model.Find<CapacitorElement>("c1")!.StepsInService);
    }
}
