using OpenG2G.Core.Composition;
using OpenG2G.Core.Kernel;
using OpenG2G.Grid.Components;
using OpenG2G.Grid.Model.Capacitors;
using OpenG2G.Testing.Fakes;

namespace OpenG2G.Grid.Tests.Components;

/// <summary>Capacitor controls in timed mode: one step per ON delay, as kernel events.</summary>
public sealed class TimedCapControlTests
{
    [Fact]
    public void An_armed_control_switches_one_step_after_its_delay()
    {
        string dir = Path.Combine(Path.GetTempPath(), "openg2g-timedcap-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // ON at 200 V on the PT secondary: far above the ~120 V there, so the control wants both steps.
        File.WriteAllText(Path.Combine(dir, "f.dss"), """
            New Circuit.c basekv=12.47 pu=1.0 MVAsc3=200000 MVAsc1=210000
            New Line.l1 bus1=sourcebus bus2=b phases=3 r1=0.3 x1=0.6 r0=0.6 x0=1.8 c1=0 c0=0 length=2 units=mi
            New Load.ld bus1=b kV=12.47 kW=3000 pf=0.85 model=1 vminpu=0.7
            New Capacitor.c1 bus1=b kv=12.47 kvar=[300 300] states=[0 0]
            New CapControl.cc capacitor=c1 element=Line.l1 terminal=2 type=voltage ptratio=60 onsetting=200 offsetting=300 delay=25
            Set VoltageBases=[12.47]
            CalcVoltageBases
            """);
        try
        {
            var grid = new OpenDssGrid(new OpenDssGridOptions { Feeder = "f.dss", RegulatorMode = RegulatorMode.Timed },
                new GridBuildContext("grid", TimeSpan.FromSeconds(10), dir, []));
            var observer = new RecordingObserver();
            new Simulation(new SimulationSetup([], grid, [], TimeSpan.FromSeconds(70)), [observer]).Run(seed: 1);
            var switched = observer.Events.Where(e => e.Kind == "grid.capacitor_switched").ToList();
            // Armed by the solve at t = 0: first step at 25 s; re-armed by the solve at 30 s: second at 55 s.
            Assert.Equal([25.0, 55.0], switched.Select(e => e.Time.Seconds));
            Assert.Equal(2, grid.Feeder.Model.Find<CapacitorElement>("c1")!.StepsInService);
            // The feeder sees the capacitor: reactive power drawn from the source drops by about 600 kvar.
            double before = observer.Grid[0].SourceReactivePowerKvar, after = observer.Grid[^1].SourceReactivePowerKvar;
            Assert.InRange(before - after, 550, 700);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
