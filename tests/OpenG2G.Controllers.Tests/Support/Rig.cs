using System.Collections.Immutable;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Events;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Testing.Capabilities;
using OpenG2G.Testing.Fakes;

namespace OpenG2G.Controllers.Tests.Support;

/// <summary>Builds contexts and inputs for controller tests and runs small closed loops on the kernel.</summary>
internal static class Rig
{
    public static TimeSpan Seconds(decimal s) => TimeBase.Duration(s, "test period");

    public static SimTime At(decimal s) => SimTime.FromSeconds(s);

    /// <summary>A build context whose targets are <paramref name="datacenters"/>, attached wye at <paramref name="buses"/> with power factor 0.95.</summary>
    public static ControllerBuildContext Context(string name, IGrid grid, IReadOnlyList<IDatacenter> datacenters, IReadOnlyList<string> buses, decimal periodS = 1m)
    {
        var attachments = datacenters.Select((d, i) => new DatacenterAttachment(d.Name, buses[i], LoadConnection.Wye, 0.95)).ToImmutableArray();
        return new ControllerBuildContext(name, Seconds(periodS), ".", datacenters.ToImmutableArray(), datacenters.ToImmutableArray(), grid, attachments);
    }

    public static RunContext RunContext(RecordingEvents? events = null) => new(1, events ?? new RecordingEvents(), new NoScheduler());

    public static ControllerInputs Inputs(GridState? grid, params DatacenterState[] datacenters) =>
        new(grid is null ? ImmutableArray<GridState>.Empty : ImmutableArray.Create(grid), grid,
            datacenters.ToImmutableArray(),
            datacenters.ToImmutableDictionary(d => d.Datacenter, d => d));

    /// <summary>One instant by hand: the datacenters step, the grid solves, the controller decides (commands are not applied).</summary>
    public static IReadOnlyList<Core.Commands.Command> StepOnce(IController controller, LinearGrid grid, SimTime now, params FakeBatchDatacenter[] datacenters)
    {
        DatacenterState[] states = datacenters.Select(d => d.Step(now)).ToArray();
        GridState g = grid.Step(now, states);
        return controller.Step(now, Inputs(g, states));
    }

    /// <summary>Reset every component for a hand-stepped test.</summary>
    public static void ResetAll(IController controller, LinearGrid grid, params FakeBatchDatacenter[] datacenters)
    {
        RunContext context = RunContext();
        foreach (FakeBatchDatacenter d in datacenters)
            d.Reset(context);
        grid.Reset(context);
        controller.Reset(context);
        controller.Start();
    }

    /// <summary>Run the kernel for <paramref name="durationS"/> with datacenters and grid at 0.1 s and return what it recorded.</summary>
    public static (RecordingObserver Recorded, VoltageMetrics Voltage) Run(IReadOnlyList<IDatacenter> datacenters, LinearGrid grid, IController? controller, decimal durationS)
    {
        var recorded = new RecordingObserver();
        var voltage = new VoltageMetricsAccumulator(VoltageBand.Default, grid.ExcludedBuses, 0.1);
        var controllers = controller is null ? ImmutableArray<ControllerSlot>.Empty : ImmutableArray.Create(new ControllerSlot(controller));
        var sim = new Simulation(new SimulationSetup(datacenters.ToImmutableArray(), grid, controllers, Seconds(durationS)), new ISimulationObserver[] { recorded, voltage });
        sim.Run(seed: 7);
        return (recorded, voltage.Result());
    }

    /// <summary>Events reported by controllers.</summary>
    internal sealed class RecordingEvents : IEventSink
    {
        public List<SimEvent> Events { get; } = new();

        public void Emit(SimTime time, string source, string kind, string message) => Events.Add(new SimEvent(time, source, kind, message));
    }

    private sealed class NoScheduler : IScheduler
    {
        public SimTime Now => SimTime.Zero;

        public ScheduledEvent Schedule(SimTime at, string source, string description, Action<SimTime> action) =>
            throw new NotSupportedException("controllers under test do not schedule events");
    }
}
