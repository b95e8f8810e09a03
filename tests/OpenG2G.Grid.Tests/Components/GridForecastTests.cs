using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Time;
using OpenG2G.Grid.Components;
using OpenG2G.Testing;
using OpenG2G.Testing.Fakes;

namespace OpenG2G.Grid.Tests.Components;

/// <summary>
/// The grid's forecast against what the grid then does: attachment powers forecast at one instant
/// against the powers the later solves apply, a scheduled tap move against the move.
/// </summary>
public sealed class GridForecastTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private static OpenDssGrid Grid(OpenDssGridOptions options, params DatacenterAttachment[] datacenters) =>
        new(options with { Feeder = "ieee13/ieee13.dss" }, new GridBuildContext("grid", Step, Path.Combine(SharedData.RepositoryRoot, "grids"), [.. datacenters]));

    [Fact]
    public void Profile_driven_attachments_are_forecast_at_the_powers_the_later_solves_apply()
    {
        var grid = Grid(new OpenDssGridOptions
        {
            Pv = [new PvOptions { Name = "pv", Bus = "675", PeakKwPerPhase = 30, PowerFactor = 1.0, Profile = new ProfileOptions { Kind = ProfileKind.SyntheticPv, Index = 0 } }],
            Loads = [new AttachmentOptions { Name = "ld", Bus = "680", PeakKwPerPhase = 20, PowerFactor = 0.9, Profile = new ProfileOptions { Kind = ProfileKind.SyntheticLoad, Index = 1 } }],
        });
        GridForecast? forecast = null;
        var probe = new ScriptedController("probe", Step, (now, _) =>
        {
            if (now == SimTime.FromSeconds(2m))
                forecast = grid.Forecast(now, SimTime.FromSeconds(5m), TimeSpan.FromSeconds(3), 10);
            return [];
        });
        var observer = new RecordingObserver();
        new Simulation(new SimulationSetup([], grid, [new ControllerSlot(probe, TimeSpan.Zero)], TimeSpan.FromSeconds(40)), [observer]).Run(seed: 1);

        Assert.NotNull(forecast);
        Assert.Equal(["ld", "pv"], forecast.Attachments.Select(a => a.Name).Order());
        Assert.Empty(forecast.TapChanges);
        for (int k = 0; k < 10; k++)
        {
            var state = observer.Grid.Single(s => s.Time == SimTime.FromSeconds(5m + 3m * k));
            foreach (AttachmentForecast a in forecast.Attachments)
            {
                var actual = state.Attachments.Single(x => x.Name == a.Name);
                for (int p = 0; p < 3; p++)
                {
                    Assert.Equal(actual.PowerKw[p], a.PowerKw[k][p], 6);
                    Assert.Equal(actual.ReactivePowerKvar[p], a.ReactivePowerKvar[k][p], 6);
                }
            }
        }
        Assert.True(forecast.Attachments.Single(a => a.Name == "pv").PowerKw[0].A < 0, "PV is forecast as negative load");
    }

    [Fact]
    public void An_armed_timed_regulator_is_forecast_to_move_when_it_then_moves()
    {
        // A heavy datacenter pulls rg60 out of band at t = 0; RegControl delay 15 s: first step at 15 s.
        var grid = Grid(new OpenDssGridOptions { RegulatorMode = RegulatorMode.Timed }, new DatacenterAttachment("dc", "671", LoadConnection.Wye, 0.95));
        var dc = new FakeDatacenter("dc", Step) { BasePowerW = 400_000 };
        GridForecast? forecast = null;
        var probe = new ScriptedController("probe", Step, (now, _) =>
        {
            if (now == SimTime.FromSeconds(1m))
                forecast = grid.Forecast(now, now, Step, 30);
            return [];
        });
        var observer = new RecordingObserver();
        new Simulation(new SimulationSetup([dc], grid, [new ControllerSlot(probe, TimeSpan.Zero)], TimeSpan.FromSeconds(25)), [observer]).Run(seed: 1);

        Assert.NotNull(forecast);
        var moves = forecast.TapChanges;
        Assert.NotEmpty(moves);
        foreach (TapChangeForecast move in moves)
        {
            int index = grid.Regulators.Select(r => r.Name).ToList().IndexOf(move.Regulator);
            int before = observer.Grid.Single(s => s.Time == new SimTime(move.At.Ticks - Step.Ticks)).Taps[index].TapStep;
            int after = observer.Grid.Single(s => s.Time == move.At).Taps[index].TapStep;
            Assert.Equal(before + move.StepChange, after);
        }
        Assert.All(moves, m => Assert.Equal(SimTime.FromSeconds(15m), m.At));
    }

    [Fact]
    public void Regulators_that_only_commands_move_have_no_forecast_moves()
    {
        var grid = Grid(new OpenDssGridOptions(), new DatacenterAttachment("dc", "671", LoadConnection.Wye, 0.95));
        grid.Reset(new RunContext(1, new NullSink(), new NoScheduler()));
        grid.Step(SimTime.Zero, []);

        var forecast = grid.Forecast(SimTime.Zero, SimTime.Zero, Step, 100);

        Assert.Empty(forecast.TapChanges);
        Assert.Empty(forecast.Attachments);
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.Forecast(SimTime.Zero, SimTime.Zero, TimeSpan.Zero, 1));
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
