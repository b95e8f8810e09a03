using System.Collections.Immutable;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;
using OpenG2G.Datacenter.Replay;

namespace OpenG2G.Datacenter.Tests.Replay;

/// <summary>Datacenters used by the replay tests, built on the repository's trace library.</summary>
internal static class Fleets
{
    public static readonly TimeSpan Period = TimeSpan.FromTicks(1_000_000);

    /// <summary>The five H100 models of the published studies (GPUs per replica and ITL deadlines from STUDIES.md).</summary>
    public static ImmutableArray<ServedModelOptions> StudyModels(int scale = 1) => ImmutableArray.Create(
        Model("Llama-3.1-8B", 1, 0.08, 720 / scale),
        Model("Llama-3.1-70B", 4, 0.10, 180 / scale),
        Model("Llama-3.1-405B", 8, 0.12, 90 / scale),
        Model("Qwen3-30B-A3B", 2, 0.06, 480 / scale),
        Model("Qwen3-235B-A22B", 8, 0.14, 210 / scale));

    public static ServedModelOptions Model(string label, int gpus, double deadlineS, int replicas) => new()
    {
        Label = label,
        GpusPerReplica = gpus,
        ItlDeadlineS = deadlineS,
        InitialReplicas = replicas,
        InitialBatchSize = 128,
        FeasibleBatchSizes = ImmutableArray.Create(8, 16, 32, 64, 128, 256, 512),
    };

    /// <summary>The 4,800-GPU five-model fleet of the issue (all at batch 128).</summary>
    public static TraceReplayOptions StudyFleet => new() { CapacityGpus = 4800, Models = StudyModels() };

    public static TraceReplayDatacenter Build(TraceReplayOptions options, string name = "dc") =>
        new(name, Period, options, TestRun.Library, TestRun.RepositoryTraces);

    public static List<DatacenterState> Run(TraceReplayDatacenter dc, ulong seed, int steps)
    {
        dc.Reset(TestRun.Context(seed));
        dc.Start();
        var states = new List<DatacenterState>(steps);
        for (int k = 0; k < steps; k++)
            states.Add(dc.Step(new SimTime(k * Period.Ticks)));
        dc.Stop();
        return states;
    }
}
