using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Time;
using OpenG2G.Testing.Fakes;
using static OpenG2G.Core.Tests.Kernel.KernelTestSupport;

namespace OpenG2G.Core.Tests.Kernel;

public class DrivingTests
{
    /// <summary>Halves the batch at 1 s and doubles it back at 2 s; a second controller logs only.</summary>
    private static (Simulation Sim, LifecycleLog Log, RecordingObserver Observer, ScriptedController Agent) Rig()
    {
        var log = new LifecycleLog();
        var dc = new FakeDatacenter("dc", Seconds(0.1m), log) { NoiseFraction = 0.01 };
        var agent = new ScriptedController("agent", Seconds(0.5m), (now, _) =>
            now == At(1m) ? [new SetBatchSize("dc", "fake-model", 64)]
            : now == At(2m) ? [new SetBatchSize("dc", "fake-model", 128)]
            : Array.Empty<Command>(), log);
        var after = new ScriptedController("after", Seconds(0.5m), log: log);
        var observer = new RecordingObserver();
        Simulation sim = Build(new[] { dc }, new FakeGrid("grid", Seconds(0.1m), log), new[] { new ControllerSlot(agent), new ControllerSlot(after) }, 3m, observer);
        return (sim, log, observer, agent);
    }

    [Fact]
    public void Driving_up_to_each_step_of_a_controller_gives_the_same_run_as_Run()
    {
        var reference = Rig();
        reference.Sim.Run(seed: 7);

        var driven = Rig();
        driven.Sim.Reset(7);
        driven.Sim.Start();
        int pauses = 0;
        while (driven.Sim.AdvanceToStepOf(driven.Agent))
        {
            pauses++;
            Assert.Equal(new SimTime((pauses - 1) * Seconds(0.5m).Ticks), driven.Sim.Now);
            driven.Sim.StepInstant();
        }
        driven.Sim.Stop();

        Assert.Equal(6, pauses);
        Assert.Equal(reference.Log.Entries, driven.Log.Entries);
        Assert.Equal(reference.Observer.Datacenters.Select(s => s.PowerW), driven.Observer.Datacenters.Select(s => s.PowerW));
        Assert.Equal(reference.Observer.Commands.Select(c => (c.AppliedAt, c.Command)), driven.Observer.Commands.Select(c => (c.AppliedAt, c.Command)));
    }

    [Fact]
    public void A_pause_comes_after_the_grid_and_before_the_controller_and_pending_inputs_are_what_it_then_receives()
    {
        var (sim, log, _, agent) = Rig();
        sim.Reset(1);
        sim.Start();
        Assert.True(sim.AdvanceToStepOf(agent));
        Assert.True(sim.AdvanceToStepOf(agent)); // a second call at the pause does not skip the step
        Assert.Equal("0 s grid.Step", log.Entries[^1]);
        sim.StepInstant();
        Assert.True(sim.AdvanceToStepOf(agent));

        Assert.Equal(At(0.5m), sim.Now);
        Assert.Equal("0.5 s grid.Step", log.Entries[^1]);
        ControllerInputs pending = sim.PendingInputs(agent);
        Assert.Equal(new[] { At(0.1m), At(0.2m), At(0.3m), At(0.4m), At(0.5m) }, pending.GridStates.Select(g => g.Time));
        Assert.Equal(5, sim.PendingInputs(agent).DatacenterStates.Length); // reading changes nothing

        sim.StepInstant();
        (SimTime time, ControllerInputs seen) = agent.Seen[^1];
        Assert.Equal(At(0.5m), time);
        Assert.Equal(pending.GridStates.Length, seen.GridStates.Length);
        Assert.All(pending.GridStates.Zip(seen.GridStates), p => Assert.Same(p.First, p.Second));
        Assert.All(pending.DatacenterStates.Zip(seen.DatacenterStates), p => Assert.Same(p.First, p.Second));
        sim.Stop();
    }

    [Fact]
    public void AdvanceTo_processes_whole_instants_before_the_time_and_reports_the_end()
    {
        var (sim, log, observer, agent) = Rig();
        sim.Reset(1);
        sim.Start();

        Assert.True(sim.AdvanceTo(At(1.05m)));
        Assert.Equal(At(1m), sim.Now);
        Assert.Equal(At(1m), observer.Grid[^1].Time);
        Assert.Equal("1 s after.Step", log.Entries[^1]);
        Assert.Single(observer.Commands);

        Assert.False(sim.AdvanceTo(At(10m)));
        Assert.Equal(SimulationStatus.Finished, sim.Status);
        Assert.Equal(At(2.9m), observer.Grid[^1].Time);
        Assert.False(sim.AdvanceToStepOf(agent));
        sim.Stop();
    }

    [Fact]
    public void Driving_calls_refuse_an_unstarted_run_and_a_foreign_controller()
    {
        var (sim, _, _, agent) = Rig();
        Assert.Throws<InvalidOperationException>(() => sim.AdvanceTo(At(1m)));
        Assert.Throws<InvalidOperationException>(() => sim.AdvanceToStepOf(agent));
        sim.Reset(1);
        sim.Start();
        var foreign = new ScriptedController("agent", Seconds(0.5m));
        ArgumentException e = Assert.Throws<ArgumentException>(() => sim.AdvanceToStepOf(foreign));
        Assert.StartsWith("controller 'agent' is not part of this simulation", e.Message);
        sim.Stop();
    }
}
