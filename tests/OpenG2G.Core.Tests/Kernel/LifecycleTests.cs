using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Time;
using OpenG2G.Testing.Fakes;
using static OpenG2G.Core.Tests.Kernel.KernelTestSupport;

namespace OpenG2G.Core.Tests.Kernel;

public class LifecycleTests
{
    [Fact]
    public void Reset_and_start_go_in_declaration_order_and_stop_in_reverse()
    {
        var log = new LifecycleLog();
        Simulation sim = Build(
            new[] { new FakeDatacenter("dc1", Seconds(1m), log), new FakeDatacenter("dc2", Seconds(1m), log) },
            new FakeGrid("grid", Seconds(1m), log),
            new[] { new ControllerSlot(new ScriptedController("c1", Seconds(1m), log: log)), new ControllerSlot(new ScriptedController("c2", Seconds(1m), log: log)) },
            1m);

        sim.Run(seed: 1);

        string[] lifecycle = log.Entries.Where(e => !e.Contains(".Step")).ToArray();
        Assert.Equal(
            new[]
            {
                "dc1.Reset", "dc2.Reset", "grid.Reset", "c1.Reset", "c2.Reset",
                "dc1.Start", "dc2.Start", "grid.Start", "c1.Start", "c2.Start",
                "c2.Stop", "c1.Stop", "grid.Stop", "dc2.Stop", "dc1.Stop",
            },
            lifecycle);
    }

    [Fact]
    public void A_failing_component_stops_the_run_with_time_and_name_and_everything_is_still_stopped()
    {
        var log = new LifecycleLog();
        var dc = new FakeDatacenter("dc1", Seconds(0.1m), log) { FailAt = At(0.3m) };
        Simulation sim = Build(new[] { dc }, new FakeGrid("grid", Seconds(0.1m), log), Array.Empty<ControllerSlot>(), 1m);

        var ex = Assert.Throws<SimulationException>(() => sim.Run(seed: 1));

        Assert.Equal("at t=0.3 s: dc1: trace ran out", ex.Message);
        Assert.Equal(At(0.3m), ex.Time);
        Assert.Equal("dc1", ex.Component);
        Assert.Equal(new[] { "grid.Stop", "dc1.Stop" }, log.Entries.Where(e => e.EndsWith(".Stop")));
    }

    [Fact]
    public void Stepping_before_start_is_a_usage_error()
    {
        Simulation sim = Build(new[] { new FakeDatacenter("dc", Seconds(1m)) }, null, Array.Empty<ControllerSlot>(), 1m);
        sim.Reset(seed: 1);

        var ex = Assert.Throws<InvalidOperationException>(() => sim.StepInstant());
        Assert.Equal("StepInstant needs a started simulation; it is Ready", ex.Message);
    }

    [Fact]
    public void A_simulation_can_be_reset_and_run_again_with_the_same_result()
    {
        var dc = new FakeDatacenter("dc", Seconds(0.1m)) { NoiseFraction = 0.01 };
        var observer = new RecordingObserver();
        Simulation sim = Build(new[] { dc }, null, Array.Empty<ControllerSlot>(), 1m, observer);

        sim.Run(seed: 5);
        var first = observer.Datacenters.Select(s => s.PowerW).ToArray();
        observer.Datacenters.Clear();
        sim.Run(seed: 5);
        var second = observer.Datacenters.Select(s => s.PowerW).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Same_seed_gives_identical_states_and_another_seed_does_not()
    {
        double[] Run(ulong seed)
        {
            var observer = new RecordingObserver();
            var dc = new FakeDatacenter("dc", Seconds(0.1m)) { NoiseFraction = 0.05 };
            Build(new[] { dc }, new FakeGrid("grid", Seconds(0.1m)), Array.Empty<ControllerSlot>(), 5m, observer).Run(seed);
            return observer.Grid.SelectMany(g => g.VoltagePu).ToArray();
        }

        Assert.Equal(Run(11), Run(11));
        Assert.NotEqual(Run(11), Run(12));
    }

    [Fact]
    public void Duplicate_names_and_non_positive_periods_are_rejected()
    {
        var ex1 = Assert.Throws<ArgumentException>(() =>
            Build(new[] { new FakeDatacenter("x", Seconds(1m)) }, new FakeGrid("x", Seconds(1m)), Array.Empty<ControllerSlot>(), 1m));
        Assert.StartsWith("two components are named 'x'; names must be unique", ex1.Message);

        var ex2 = Assert.Throws<ArgumentException>(() =>
            Build(new[] { new FakeDatacenter("dc", TimeSpan.Zero) }, null, Array.Empty<ControllerSlot>(), 1m));
        Assert.StartsWith("component 'dc' has period 0 s; periods must be positive", ex2.Message);
    }
}
