using OpenG2G.Core.Composition;
using OpenG2G.Core.Kernel;
using OpenG2G.Grid.Components;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model.Shapes;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Testing.Fakes;

namespace OpenG2G.Grid.Tests.Components;

/// <summary>The feeder file's own loads following their load shapes over simulated time.</summary>
public sealed class LoadShapeFollowingTests
{
    private const string Feeder = """
        New Circuit.c basekv=12.47 pu=1.0 MVAsc3=200000 MVAsc1=210000
        New LoadShape.day npts=4 sinterval=1800 mult=(0.5 1.0 0.25 0.75)
        New Line.l1 bus1=sourcebus bus2=b phases=3 r1=0.1 x1=0.2 r0=0.3 x0=0.6 c1=0 c0=0 length=1 units=mi
        New Load.shaped bus1=b kV=12.47 kW=900 kvar=300 model=1 daily=day
        New Load.flat bus1=b kV=12.47 kW=100 kvar=0 model=1
        Set VoltageBases=[12.47]
        CalcVoltageBases
        """;

    [Fact]
    public void Daily_shapes_scale_their_loads_and_leave_the_others()
    {
        var f = OpenG2G.Grid.PowerFlow.Feeder.FromScript(DssReader.ReadText(Feeder, "t.dss"));
        f.ApplyLoadShapes(LoadShapeMode.Daily, 1.0); // 3600 s / 1800 s = point 2: 1.0
        Assert.Equal(300_000.0, f.CurrentLoadBranches[0].Watts, 6);
        f.ApplyLoadShapes(LoadShapeMode.Daily, 1.5); // point 3: 0.25
        Assert.Equal(75_000.0, f.CurrentLoadBranches[0].Watts, 6);
        Assert.Equal(25_000.0, f.CurrentLoadBranches[0].Vars, 6);
        Assert.Equal(100_000.0 / 3, f.CurrentLoadBranches[3].Watts, 6); // the flat load: no shape
        f.ApplyLoadShapes(LoadShapeMode.None, 1.5);
        Assert.Equal(300_000.0, f.CurrentLoadBranches[0].Watts, 6);
    }

    [Fact]
    public void The_grid_component_follows_the_shapes_at_its_steps()
    {
        string dir = Path.Combine(Path.GetTempPath(), "openg2g-shapes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "f.dss"), Feeder);
        try
        {
            var grid = new OpenDssGrid(
                new OpenDssGridOptions { Feeder = "f.dss", LoadShapes = LoadShapeMode.Daily, LoadShapeStartHour = 0.5, Tolerance = 1e-10, MaxIterations = 100 },
                new GridBuildContext("grid", TimeSpan.FromMinutes(30), dir, []));
            var observer = new RecordingObserver();
            new Simulation(new SimulationSetup([], grid, [], TimeSpan.FromHours(2)), [observer]).Run(seed: 1);
            // Steps at 0, 0.5, 1.0 and 1.5 h of simulated time are shape hours 0.5, 1.0, 1.5, 2.0: points 1-4.
            double[] mult = [0.5, 1.0, 0.25, 0.75];
            Assert.Equal(4, observer.Grid.Count);
            for (int i = 0; i < 4; i++)
            {
                var s = observer.Grid[i];
                double loads = 900 * mult[i] + 100;
                Assert.Equal(loads, s.SourcePowerKw - s.LossesKw, 1e-6);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
