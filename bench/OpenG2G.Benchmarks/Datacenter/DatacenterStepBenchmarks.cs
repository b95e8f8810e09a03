using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using OpenG2G.Core.Components;
using OpenG2G.Core.Events;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;
using OpenG2G.Datacenter.Replay;
using OpenG2G.Datacenter.Traces;
using OpenG2G.Testing;

namespace OpenG2G.Benchmarks.Datacenter;

/// <summary>
/// One 0.1 s step of the trace-replay datacenter for the 4,800-GPU five-model fleet
/// (600 servers of 8 H100s, all models at batch 128, default jitter and noise), with and without the
/// study's 2,400-GPU training job running. Target: well under 50 us per step.
/// Run: <c>dotnet run -c Release --project bench/OpenG2G.Benchmarks -- --filter '*DatacenterStep*'</c>.
/// </summary>
[MemoryDiagnoser]
public class DatacenterStepBenchmarks
{
    private static readonly TimeSpan Period = TimeSpan.FromTicks(1_000_000);
    private TraceReplayDatacenter _fleet = null!;
    private TraceReplayDatacenter _withTraining = null!;
    private long _ticks;

    [GlobalSetup]
    public void Setup()
    {
        string traces = Path.Combine(SharedData.RepositoryRoot, "traces");
        var library = TraceLibrary.Load(traces);
        var models = ImmutableArray.Create(
            Model("Llama-3.1-8B", 1, 0.08, 720),
            Model("Llama-3.1-70B", 4, 0.10, 180),
            Model("Llama-3.1-405B", 8, 0.12, 90),
            Model("Qwen3-30B-A3B", 2, 0.06, 480),
            Model("Qwen3-235B-A22B", 8, 0.14, 210));
        _fleet = new TraceReplayDatacenter("dc", Period, new TraceReplayOptions { CapacityGpus = 4800, Models = models }, library, traces);
        _withTraining = new TraceReplayDatacenter("dc", Period, new TraceReplayOptions
        {
            CapacityGpus = 7200,
            Models = models,
            BaseLoadKwPerPhase = 500,
            Training = ImmutableArray.Create(new TrainingJobOptions { Gpus = 2400, StartS = 0, EndS = 1e6, PeakWPerGpu = 400 }),
        }, library, traces);
        var context = new RunContext(1, new NullSink(), new NoScheduler());
        _fleet.Reset(context);
        _withTraining.Reset(context);
    }

    [Benchmark(Baseline = true)]
    public DatacenterState Fleet4800Gpus()
    {
        _ticks += Period.Ticks;
        return _fleet.Step(new SimTime(_ticks));
    }

    [Benchmark]
    public DatacenterState Fleet7200GpusWithTraining()
    {
        _ticks += Period.Ticks;
        return _withTraining.Step(new SimTime(_ticks));
    }

    private static ServedModelOptions Model(string label, int gpus, double deadline, int replicas) => new()
    {
        Label = label,
        GpusPerReplica = gpus,
        ItlDeadlineS = deadline,
        InitialReplicas = replicas,
        FeasibleBatchSizes = ImmutableArray.Create(8, 16, 32, 64, 128, 256, 512),
    };

    private sealed class NullSink : IEventSink
    {
        public void Emit(SimTime time, string source, string kind, string message)
        {
        }
    }

    private sealed class NoScheduler : IScheduler
    {
        public SimTime Now => SimTime.Zero;

        public ScheduledEvent Schedule(SimTime at, string source, string description, Action<SimTime> action) =>
            throw new NotSupportedException();
    }
}
