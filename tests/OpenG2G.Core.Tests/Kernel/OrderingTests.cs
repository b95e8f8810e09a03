using OpenG2G.Core.Kernel;
using OpenG2G.Testing.Fakes;
using static OpenG2G.Core.Tests.Kernel.KernelTestSupport;

namespace OpenG2G.Core.Tests.Kernel;

public class OrderingTests
{
    [Fact]
    public void Components_step_at_their_own_rates_in_the_fixed_same_instant_order()
    {
        var log = new LifecycleLog();
        var dc1 = new FakeDatacenter("dc1", Seconds(0.1m), log);
        var dc2 = new FakeDatacenter("dc2", Seconds(0.2m), log);
        var grid = new FakeGrid("grid", Seconds(0.2m), log);
        var c1 = new ScriptedController("c1", Seconds(0.4m), log: log);
        var c2 = new ScriptedController("c2", Seconds(0.2m), log: log);
        Simulation sim = Build(new[] { dc1, dc2 }, grid, new[] { new ControllerSlot(c1), new ControllerSlot(c2) }, 0.5m);

        sim.Run(seed: 1);

        string[] steps = log.Entries.Where(e => e.Contains(".Step")).ToArray();
        string[] expected =
        {
            "0 s dc1.Step", "0 s dc2.Step", "0 s grid.Step", "0 s c1.Step", "0 s c2.Step",
            "0.1 s dc1.Step",
            "0.2 s dc1.Step", "0.2 s dc2.Step", "0.2 s grid.Step", "0.2 s c2.Step",
            "0.3 s dc1.Step",
            "0.4 s dc1.Step", "0.4 s dc2.Step", "0.4 s grid.Step", "0.4 s c1.Step", "0.4 s c2.Step",
        };
        Assert.Equal(expected, steps);
        Assert.Equal(3, sim.GridSteps);
        Assert.Equal(8, sim.DatacenterSteps);
        Assert.Equal(5, sim.ControllerSteps);
    }

    [Fact]
    public void Declaration_order_holds_at_shared_instants_even_when_periods_differ()
    {
        // dc-slow is declared first but steps less often; at shared instants it must still step first.
        var log = new LifecycleLog();
        var slow = new FakeDatacenter("dc-slow", Seconds(0.3m), log);
        var fast = new FakeDatacenter("dc-fast", Seconds(0.1m), log);
        Simulation sim = Build(new[] { slow, fast }, null, Array.Empty<ControllerSlot>(), 0.7m);

        sim.Run(seed: 1);

        string[] at06 = log.Entries.Where(e => e.StartsWith("0.6 s")).ToArray();
        Assert.Equal(new[] { "0.6 s dc-slow.Step", "0.6 s dc-fast.Step" }, at06);
    }

    [Fact]
    public void Steps_happen_at_every_multiple_of_the_period_strictly_before_the_end()
    {
        var dc = new FakeDatacenter("dc", Seconds(0.1m));
        var observer = new RecordingObserver();
        Simulation sim = Build(new[] { dc }, null, Array.Empty<ControllerSlot>(), 1m, observer);

        sim.Run(seed: 7);

        Assert.Equal(10, observer.Datacenters.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 1_000_000L), observer.Datacenters.Select(s => s.Time.Ticks));
    }

    [Fact]
    public void The_grid_receives_every_datacenter_sample_since_its_previous_step()
    {
        var dc = new FakeDatacenter("dc", Seconds(0.1m));
        var grid = new FakeGrid("grid", Seconds(0.3m));
        Simulation sim = Build(new[] { dc }, grid, Array.Empty<ControllerSlot>(), 1m);

        sim.Run(seed: 1);

        Assert.Equal(4, grid.Received.Count);
        Assert.Equal(new[] { At(0) }, grid.Received[0].Samples);
        Assert.Equal(new[] { At(0.1m), At(0.2m), At(0.3m) }, grid.Received[1].Samples);
        Assert.Equal(new[] { At(0.4m), At(0.5m), At(0.6m) }, grid.Received[2].Samples);
        Assert.Equal(new[] { At(0.7m), At(0.8m), At(0.9m) }, grid.Received[3].Samples);
    }

    [Fact]
    public void Controllers_see_the_states_recorded_since_their_previous_step()
    {
        var dc = new FakeDatacenter("dc", Seconds(0.1m));
        var grid = new FakeGrid("grid", Seconds(0.2m));
        var controller = new ScriptedController("c", Seconds(0.4m));
        Simulation sim = Build(new[] { dc }, grid, new[] { new ControllerSlot(controller) }, 1m);

        sim.Run(seed: 1);

        var second = controller.Seen[1];
        Assert.Equal(At(0.4m), second.Time);
        Assert.Equal(new[] { At(0.2m), At(0.4m) }, second.Inputs.GridStates.Select(g => g.Time));
        Assert.Equal(new[] { At(0.1m), At(0.2m), At(0.3m), At(0.4m) }, second.Inputs.DatacenterStates.Select(d => d.Time));
        Assert.Equal(At(0.4m), second.Inputs.LatestGrid!.Time);
        Assert.Equal(At(0.4m), second.Inputs.LatestOf("dc")!.Time);
    }
}
