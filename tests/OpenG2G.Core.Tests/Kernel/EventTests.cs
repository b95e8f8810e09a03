using OpenG2G.Core.Components;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Testing.Fakes;
using static OpenG2G.Core.Tests.Kernel.KernelTestSupport;

namespace OpenG2G.Core.Tests.Kernel;

public class EventTests
{
    [Fact]
    public void A_one_shot_event_between_steps_runs_at_its_own_instant_and_before_steps_at_a_shared_one()
    {
        var log = new LifecycleLog();
        var dc = new FakeDatacenter("dc", Seconds(0.5m), log);
        Simulation sim = Build(new[] { dc }, null, Array.Empty<ControllerSlot>(), 1m);
        sim.Reset(seed: 1);
        sim.Schedule(At(0.25m), "test", "mid", t => log.Add($"{t} event mid"));
        sim.Schedule(At(0.5m), "test", "shared", t => log.Add($"{t} event shared"));
        sim.Start();
        while (sim.StepInstant())
        {
        }
        sim.Stop();

        Assert.Equal(
            new[] { "0 s dc.Step", "0.25 s event mid", "0.5 s event shared", "0.5 s dc.Step" },
            log.Entries.Where(e => e.Contains("Step") || e.Contains("event")));
    }

    [Fact]
    public void A_cancelled_event_does_not_run()
    {
        bool ran = false;
        Simulation sim = Build(new[] { new FakeDatacenter("dc", Seconds(0.5m)) }, null, Array.Empty<ControllerSlot>(), 1m);
        sim.Reset(seed: 1);
        ScheduledEvent e = sim.Schedule(At(0.3m), "test", "x", _ => ran = true);
        e.Cancel();
        sim.Start();
        while (sim.StepInstant())
        {
        }
        sim.Stop();

        Assert.False(ran);
    }

    [Fact]
    public void A_component_can_schedule_a_delayed_action_through_its_run_context()
    {
        var grid = new DelayedActionGrid(Seconds(0.1m), delay: Seconds(0.35m));
        var observer = new RecordingObserver();
        Simulation sim = Build(Array.Empty<IDatacenter>(), grid, Array.Empty<ControllerSlot>(), 1m, observer);

        sim.Run(seed: 1);

        var e = Assert.Single(observer.Events);
        Assert.Equal(At(0.35m), e.Time);
        Assert.Equal("grid.delayed_action", e.Kind);
        Assert.Equal(At(0.35m), grid.FiredAt);
    }

    [Fact]
    public void Scheduling_before_now_is_rejected_with_both_times()
    {
        Simulation sim = Build(new[] { new FakeDatacenter("dc", Seconds(0.5m)) }, null, Array.Empty<ControllerSlot>(), 1m);
        sim.Reset(seed: 1);
        sim.Start();
        sim.StepInstant();
        sim.StepInstant();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(At(0.1m), "test", "late", _ => { }));

        Assert.StartsWith("cannot schedule 'late' at t=0.1 s, before now (t=0.5 s)", ex.Message);
    }

    /// <summary>At its first step, schedules an action <c>delay</c> later (like a regulator's time delay).</summary>
    private sealed class DelayedActionGrid(TimeSpan period, TimeSpan delay) : IGrid
    {
        private RunContext? _context;

        public string Name => "grid";
        public TimeSpan Period => period;
        public SimTime? FiredAt { get; private set; }

        public void Reset(RunContext context) => _context = context;

        public void Start()
        {
        }

        public void Stop()
        {
        }

        public GridState Step(SimTime now, IReadOnlyList<DatacenterState> samples)
        {
            if (now == SimTime.Zero)
            {
                _context!.Scheduler.Schedule(now + delay, Name, "delayed action", t =>
                {
                    FiredAt = t;
                    _context.Events.Emit(t, Name, "grid.delayed_action", "fired");
                });
            }
            return new FakeGrid("unused", period).Step(now, samples);
        }

        public void Apply(OpenG2G.Core.Commands.GridCommand command, SimTime now) => throw new NotSupportedException();
    }
}
