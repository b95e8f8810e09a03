using OpenG2G.Core.Commands;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Events;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Time;
using OpenG2G.Testing.Fakes;
using static OpenG2G.Core.Tests.Kernel.KernelTestSupport;

namespace OpenG2G.Core.Tests.Kernel;

public class CommandTests
{
    private static ScriptedController HalveBatchAt(decimal atS) =>
        new("ctl", Seconds(0.5m), (now, _) => now == At(atS)
            ? new Command[] { new SetBatchSize("dc", "fake-model", 64) }
            : Array.Empty<Command>());

    [Fact]
    public void An_undelayed_command_applies_right_after_its_controller_step_and_shows_from_the_next_datacenter_step()
    {
        var dc = new FakeDatacenter("dc", Seconds(0.1m));
        var observer = new RecordingObserver();
        Simulation sim = Build(new[] { dc }, new FakeGrid("grid", Seconds(0.1m)), new[] { new ControllerSlot(HalveBatchAt(1m)) }, 2m, observer);

        sim.Run(seed: 1);

        CommandRecord record = Assert.Single(observer.Commands);
        Assert.Equal(At(1m), record.IssuedAt);
        Assert.Equal(At(1m), record.AppliedAt);
        Assert.Equal("ctl", record.Source);
        Assert.Equal(128, observer.Datacenters.Single(s => s.Time == At(1m)).Models[0].BatchSize);
        Assert.Equal(64, observer.Datacenters.Single(s => s.Time == At(1.1m)).Models[0].BatchSize);
    }

    [Fact]
    public void A_delayed_command_applies_at_issue_time_plus_delay_before_anything_steps_then()
    {
        var log = new LifecycleLog();
        var dc = new FakeDatacenter("dc", Seconds(0.1m), log);
        var observer = new RecordingObserver();
        var slot = new ControllerSlot(HalveBatchAt(1m), Seconds(0.3m));
        Simulation sim = Build(new[] { dc }, null, new[] { slot }, 2m, observer);

        sim.Run(seed: 1);

        CommandRecord record = Assert.Single(observer.Commands);
        Assert.Equal(At(1m), record.IssuedAt);
        Assert.Equal(At(1.3m), record.AppliedAt);
        Assert.Equal(128, observer.Datacenters.Single(s => s.Time == At(1.2m)).Models[0].BatchSize);
        Assert.Equal(64, observer.Datacenters.Single(s => s.Time == At(1.3m)).Models[0].BatchSize);
        int apply = log.Entries.ToList().IndexOf("1.3 s dc.Apply SetBatchSize");
        int step = log.Entries.ToList().IndexOf("1.3 s dc.Step");
        Assert.True(apply >= 0 && apply < step, "the delayed command must apply before the datacenter steps at 1.3 s");
    }

    [Fact]
    public void A_delayed_command_due_after_the_end_is_reported_not_applied()
    {
        var dc = new FakeDatacenter("dc", Seconds(0.1m));
        var observer = new RecordingObserver();
        var slot = new ControllerSlot(HalveBatchAt(1.5m), Seconds(0.7m));
        Simulation sim = Build(new[] { dc }, null, new[] { slot }, 2m, observer);

        sim.Run(seed: 1);

        Assert.Empty(observer.Commands);
        Assert.Empty(dc.Applied);
        var e = Assert.Single(observer.Events);
        Assert.Equal("kernel.command_not_applied", e.Kind);
        Assert.Equal(
            "SetBatchSize { Target = dc, Model = fake-model, BatchSize = 64 } from ctl, issued at t=1.5 s, was due at t=2.2 s, after the end of the run",
            e.Message);
    }

    [Fact]
    public void A_command_for_an_unknown_datacenter_stops_the_run_naming_the_controller_and_time()
    {
        var ctl = new ScriptedController("ctl", Seconds(1m), (now, _) => new Command[] { new SetBatchSize("dc9", "m", 8) });
        Simulation sim = Build(new[] { new FakeDatacenter("dc", Seconds(1m)) }, null, new[] { new ControllerSlot(ctl) }, 2m);

        var ex = Assert.Throws<SimulationException>(() => sim.Run(seed: 1));

        Assert.Equal("at t=0 s: ctl: SetBatchSize targets 'dc9', which is not a datacenter of this run (datacenters: 'dc')", ex.Message);
        Assert.Equal(SimulationStatus.Stopped, sim.Status);
    }

    [Fact]
    public void A_rejected_command_stops_the_run_naming_the_datacenter()
    {
        var ctl = new ScriptedController("ctl", Seconds(1m), (now, _) => new Command[] { new SetBatchSize("dc", "other-model", 8) });
        Simulation sim = Build(new[] { new FakeDatacenter("dc", Seconds(1m)) }, null, new[] { new ControllerSlot(ctl) }, 2m);

        var ex = Assert.Throws<SimulationException>(() => sim.Run(seed: 1));

        Assert.Equal("at t=0 s: dc: unknown model 'other-model'", ex.Message);
        Assert.IsType<ArgumentException>(ex.InnerException);
    }

    [Fact]
    public void An_external_driver_owns_the_loop_and_dispatches_commands()
    {
        var dc = new FakeDatacenter("dc", Seconds(0.1m));
        var grid = new FakeGrid("grid", Seconds(0.1m));
        Simulation sim = Build(new[] { dc }, grid, Array.Empty<ControllerSlot>(), 1m);
        sim.Reset(seed: 3);
        sim.Start();

        Assert.True(sim.StepInstant());
        Assert.Equal(SimTime.Zero, sim.Now);
        double before = sim.LatestGrid!.VoltagePu[0];
        sim.Dispatch(new SetBatchSize("dc", "fake-model", 32));
        Assert.True(sim.StepInstant());
        double after = sim.LatestGrid!.VoltagePu[0];

        Assert.Equal(At(0.1m), sim.Now);
        Assert.Equal(32, sim.LatestDatacenter("dc")!.Models[0].BatchSize);
        Assert.True(after > before, "a quarter of the load must raise the fake bus voltage");
        int instants = 2;
        while (sim.StepInstant())
            instants++;
        Assert.Equal(10, instants);
        Assert.Equal(SimulationStatus.Finished, sim.Status);
        sim.Stop();
    }
}
