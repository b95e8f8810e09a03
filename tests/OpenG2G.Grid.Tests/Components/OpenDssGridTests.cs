using System.Collections.Immutable;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Grid.Components;
using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;
using OpenG2G.Testing.Fakes;

namespace OpenG2G.Grid.Tests.Components;

/// <summary>The opendss grid component inside the kernel.</summary>
public sealed class OpenDssGridTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private static OpenDssGrid Grid(OpenDssGridOptions options, params DatacenterAttachment[] datacenters) =>
        new(options with { Feeder = options.Feeder.Length > 0 ? options.Feeder : "ieee13/ieee13.dss" },
            new GridBuildContext("grid", Step, Path.Combine(SharedData.RepositoryRoot, "grids"), [.. datacenters]));

    private static RecordingObserver Run(OpenDssGrid grid, TimeSpan duration, params IDatacenter[] datacenters)
    {
        var observer = new RecordingObserver();
        var sim = new Simulation(new SimulationSetup([.. datacenters], grid, [], duration), [observer]);
        sim.Run(seed: 7);
        return observer;
    }

    [SharedDataFact]
    public void Datacenter_power_reaches_the_feeder_at_its_power_factor_and_physics_hold()
    {
        var grid = Grid(new OpenDssGridOptions { SourcePu = 1.05 }, new DatacenterAttachment("dc", "671", LoadConnection.Wye, 0.95));
        var dc = new FakeDatacenter("dc", Step) { BasePowerW = 200_000 };
        var states = Run(grid, TimeSpan.FromSeconds(3), dc).Grid;

        Assert.Equal(3, states.Count);
        var s = states[^1];
        var a = Assert.Single(s.Attachments);
        Assert.Equal(("dc", "datacenter", "671"), (a.Name, a.Kind, a.Bus));
        double q = 200.0 * Math.Tan(Math.Acos(0.95));
        Assert.Equal(200.0, a.PowerKw.A, 6); // constant power while 0.95 <= V <= 1.05
        Assert.Equal(q, a.ReactivePowerKvar.C, 6);
        Assert.Equal(grid.Nodes.Count, s.VoltagePu.Length);
        Assert.True(s.VoltageAt("671", 1) is > 0.95 and < 1.05);
        Assert.Equal(s.SourcePowerKw, 1561.0 + 600.0 + s.LossesKw, 0.05); // IEEE 13 loads + datacenter + losses
        Physics.AssertBalanced(grid.Feeder, 1e-4);
    }

    [SharedDataFact]
    public void Static_regulators_settle_on_OpenDSS_final_taps()
    {
        var grid = Grid(new OpenDssGridOptions { RegulatorMode = RegulatorMode.Static, Tolerance = 1e-10, MaxIterations = 100 });
        var s = Run(grid, TimeSpan.FromSeconds(1)).Grid[0];
        var summary = ReferenceCase.Summary("ieee13_static", "ref");
        Assert.Equal(summary["taps_pu"], string.Join(" ", s.Taps.Select(t => $"{t.Regulator[1..]}={t.TapRatio:F5}")));
    }

    [SharedDataFact]
    public void Initial_taps_by_step_and_SetTaps_commands()
    {
        var grid = Grid(new OpenDssGridOptions { InitialTaps = [new InitialTapOptions { Regulator = "creg1a", Step = 14 }, new InitialTapOptions { Regulator = "reg1b", Ratio = 1.0375 }] });
        grid.Reset(new RunContext(1, new NullSink(), new NoScheduler()));
        var s0 = grid.Step(SimTime.Zero, []);
        Assert.Equal([14, 6, 0], s0.Taps.Select(t => t.TapStep));
        Assert.Equal(1.0875, s0.Taps[0].TapRatio, 12);

        grid.Apply(new SetTaps("grid", ImmutableDictionary<string, double>.Empty.Add("creg1c", 1.09375)), SimTime.Zero);
        var s1 = grid.Step(new SimTime(TimeSpan.TicksPerSecond), []);
        Assert.Equal(15, s1.Taps[2].TapStep);
        Assert.True(s1.VoltageAt("rg60", 3) > s0.VoltageAt("rg60", 3));

        var e = Assert.Throws<ArgumentException>(() => grid.Apply(new SetTaps("grid", ImmutableDictionary<string, double>.Empty.Add("nope", 1.0)), SimTime.Zero));
        Assert.Equal("grid 'grid' has no regulator 'nope'; it has creg1a, creg1b, creg1c", e.Message);
    }

    [SharedDataFact]
    public void Timed_regulators_move_one_step_after_the_delay_then_every_tap_delay()
    {
        // A heavy datacenter pulls rg60 out of band at t = 0; RegControl delay 15 s, tap delay 2 s (OpenDSS defaults).
        var grid = Grid(new OpenDssGridOptions { RegulatorMode = RegulatorMode.Timed }, new DatacenterAttachment("dc", "671", LoadConnection.Wye, 0.95));
        var dc = new FakeDatacenter("dc", Step) { BasePowerW = 400_000 };
        var states = Run(grid, TimeSpan.FromSeconds(25), dc).Grid;

        int StepAt(int second) => states[second].Taps[0].TapStep;
        Assert.All(Enumerable.Range(0, 15), t => Assert.Equal(0, StepAt(t)));
        Assert.Equal(1, StepAt(15));
        Assert.Equal(1, StepAt(16));
        Assert.Equal(2, StepAt(17));
        Assert.Equal(3, StepAt(19));
    }

    [SharedDataFact]
    public void Battery_charges_within_ratings_and_tracks_state_of_charge()
    {
        var battery = new BatteryOptions { Name = "b1", Bus = "675", RatedPowerKw = 90, RatedKva = 100, CapacityKwh = 10, InitialSocFraction = 0.5, ChargeEfficiency = 0.9 };
        var grid = Grid(new OpenDssGridOptions { Batteries = [battery] });
        grid.Reset(new RunContext(1, new NullSink(), new NoScheduler()));
        grid.Apply(new SetBatteryPower("grid", "b1", 150, 0), SimTime.Zero); // above the rating: limited to 90 kW
        var s0 = grid.Step(SimTime.Zero, []);
        var b0 = s0.Attachments.Single();
        Assert.Equal(90.0, b0.PowerKw.Total, 6);
        Assert.Equal(0.5, b0.StateOfChargeFraction, 12);
        var s1 = grid.Step(new SimTime(3600 * TimeSpan.TicksPerSecond / 100), []); // 36 s later
        Assert.Equal(0.5 + 90 * 0.9 * 0.01 / 10, s1.Attachments.Single().StateOfChargeFraction, 12);
    }

    [SharedDataFact]
    public void A_DSS_defined_storage_is_a_battery_of_the_fleet_with_OpenDSS_energy_accounting()
    {
        // feeders-der Master_storage671: kWrated 300 (kVA follows), kWhrated 1200 at 50 %, discharging at 60 %;
        // Storage defaults: %IdlingkW 1 (3 kW), both efficiencies 90 %.
        var grid = Grid(new OpenDssGridOptions { Feeder = SharedData.PathOf("feeders-der/ieee13/Master_storage671.dss") });
        Assert.Equal(new Core.Capabilities.BatteryInfo("BESS671", "671", 300, 300, 1200), Assert.Single(grid.Batteries));
        grid.Reset(new RunContext(1, new NullSink(), new NoScheduler()));
        var s0 = grid.Step(SimTime.Zero, []).Attachments.Single(a => a.Name == "BESS671");
        Assert.Equal(("battery", -180.0, 0.5), (s0.Kind, Math.Round(s0.PowerKw.Total, 6), s0.StateOfChargeFraction));

        grid.Apply(new SetBatteryPower("grid", "bess671", 120, 0), SimTime.Zero); // charge at 120 kW from now on
        var s1 = grid.Step(new SimTime(36 * TimeSpan.TicksPerSecond), []).Attachments.Single(a => a.Name == "BESS671");
        double soc1 = 0.5 - (180 + 3) / 0.9 * 0.01 / 1200; // the first 36 s (0.01 h) discharged 180 kW plus idling losses
        Assert.Equal(120.0, s1.PowerKw.Total, 6);
        Assert.Equal(soc1, s1.StateOfChargeFraction, 12);
        var s2 = grid.Step(new SimTime(72 * TimeSpan.TicksPerSecond), []).Attachments.Single(a => a.Name == "BESS671");
        Assert.Equal(soc1 + (120 - 3) * 0.9 * 0.01 / 1200, s2.StateOfChargeFraction, 12);
    }

    private sealed class NullSink : Core.Events.IEventSink
    {
        public void Emit(SimTime time, string source, string kind, string message)
        {
        }
    }

    private sealed class NoScheduler : IScheduler
    {
        public SimTime Now => SimTime.Zero;

        public ScheduledEvent Schedule(SimTime at, string source, string description, Action<SimTime> action) =>
            throw new InvalidOperationException("no events expected");
    }
}
