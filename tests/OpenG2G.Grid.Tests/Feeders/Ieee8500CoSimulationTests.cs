using OpenG2G.Core.Composition;
using OpenG2G.Core.Kernel;
using OpenG2G.Grid.Components;
using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;
using OpenG2G.Testing.Fakes;

namespace OpenG2G.Grid.Tests.Feeders;

/// <summary>
/// End to end: one simulated hour of the IEEE 8500-node feeder (read from ../shared/feeders-extra)
/// with a 3 MW datacenter on the primary bus M1209817, regulators and capacitor controls timed.
/// </summary>
public sealed class Ieee8500CoSimulationTests
{
    private static readonly TimeSpan GridPeriod = TimeSpan.FromSeconds(5);

    [SharedDataFact]
    public void One_hour_with_a_datacenter_on_the_primary_runs_end_to_end()
    {
        var grid = new OpenDssGrid(
            new OpenDssGridOptions
            {
                Feeder = "ieee8500/Master.dss",
                RegulatorMode = RegulatorMode.Timed,
                MaxIterations = 100,
            },
            new GridBuildContext("grid", GridPeriod, SharedData.PathOf("feeders-extra"),
                [new DatacenterAttachment("dc", "M1209817", LoadConnection.Wye, 0.95)]));
        var dc = new FakeDatacenter("dc", TimeSpan.FromSeconds(1)) { BasePowerW = 1_000_000, NoiseFraction = 0.02 };
        var observer = new RecordingObserver();
        var sim = new Simulation(new SimulationSetup([dc], grid, [], TimeSpan.FromHours(1)), [observer]);
        sim.Run(seed: 11);

        Assert.Equal(720, observer.Grid.Count);
        var last = observer.Grid[^1];
        Assert.All(last.VoltagePu, v => Assert.True(double.IsFinite(v) && v > 0.5 && v < 1.2, $"voltage {v} pu"));
        var a = Assert.Single(last.Attachments);
        Assert.Equal(("dc", "M1209817".ToLowerInvariant()), (a.Name, a.Bus));
        Assert.InRange(a.PowerKw.A + a.PowerKw.B + a.PowerKw.C, 2800, 3200);
        // The 3 MW step pulls the far end down: timed regulators step after their delays.
        Assert.Contains(observer.Events, e => e.Kind == "grid.tap_changed");
        Assert.Contains(last.Taps, t => t.TapStep != 0);
        // The run solved to 1e-4 pu (OpenDSS's default). Solve the final state tightly: physics must hold, and
        // the run's last source power must be that solution's within what the loose tolerance allows.
        var feeder = grid.Feeder;
        feeder.ControlMode = OpenG2G.Grid.Model.ControlMode.Off;
        feeder.Tolerance = 1e-10;
        feeder.SolveVoltages();
        Physics.AssertBalanced(feeder, 1e-10, relativeBalance: 1e-6);
        Assert.Equal(feeder.SourcePower().Real / 1000.0, last.SourcePowerKw, 0.001 * last.SourcePowerKw);
    }
}
