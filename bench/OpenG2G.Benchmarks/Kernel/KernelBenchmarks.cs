using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OpenG2G.Core.Components;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Time;

namespace OpenG2G.Benchmarks.Kernel;

/// <summary>
/// Kernel overhead: a one-hour run of trivial components (datacenter and grid at 0.1 s, controller at
/// 1 s: 75,600 steps), and the cost per one-shot event.
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private const int OneShotEvents = 100_000;
    private Simulation _hourRun = null!;
    private Simulation _eventRun = null!;

    [GlobalSetup]
    public void Setup()
    {
        TimeSpan tenth = TimeBase.Duration(0.1m, "period");
        _hourRun = new Simulation(new SimulationSetup(
            ImmutableArray.Create<IDatacenter>(new TrivialDatacenter(tenth)),
            new TrivialGrid(tenth),
            ImmutableArray.Create(new ControllerSlot(new TrivialController(TimeBase.Duration(1m, "period")))),
            TimeBase.Duration(3600m, "duration")));
        _eventRun = new Simulation(new SimulationSetup(
            ImmutableArray<IDatacenter>.Empty, null, ImmutableArray<ControllerSlot>.Empty,
            TimeSpan.FromTicks(OneShotEvents + 1)));
    }

    /// <summary>3600 s at 0.1 s / 0.1 s / 1 s: 36,000 datacenter, 36,000 grid and 3,600 controller steps.</summary>
    [Benchmark]
    public long OneHourRunTrivialComponents()
    {
        _hourRun.Run(seed: 1);
        return _hourRun.GridSteps;
    }

    /// <summary>Schedule and run 100,000 one-shot events at distinct instants; reported per event.</summary>
    [Benchmark(OperationsPerInvoke = OneShotEvents)]
    public int OneShotEventScheduleAndRun()
    {
        int fired = 0;
        _eventRun.Reset(seed: 1);
        for (int i = 1; i <= OneShotEvents; i++)
            _eventRun.Schedule(new SimTime(i), "bench", "tick", _ => fired++);
        _eventRun.Start();
        while (_eventRun.StepInstant())
        {
        }
        _eventRun.Stop();
        return fired;
    }
}
