using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.States;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Replay;

/// <summary>
/// One served model: what the library says about it at each feasible batch size (precomputed once)
/// and its state during a run (batch, replicas, servers).
/// </summary>
internal sealed class ModelRuntime
{
    public ModelRuntime(int index, ServedModelInfo info, InferenceConfig config, TraceLibrary library, ReplicaSchedule schedule, int initialBatchSize)
    {
        Index = index;
        Info = info;
        Config = config;
        Schedule = schedule;
        var batches = info.FeasibleBatchSizes;
        Series = new float[batches.Length][];
        Itl = new FleetItl[batches.Length];
        ThroughputPerReplica = new double[batches.Length];
        MeanPowerWPerReplica = new double[batches.Length];
        ThroughputSource = new ThroughputProvenance[batches.Length];
        SampleTicks = new long[batches.Length];
        for (int b = 0; b < batches.Length; b++)
        {
            var point = config.PointAt(batches[b]) ?? throw new ArgumentException($"{config.Key} has no batch size {batches[b]}");
            Series[b] = library.ReplaySeriesW(point);
            SampleTicks[b] = OpenG2G.Core.Time.TimeBase.Duration(library.Series[point.SeriesId].SamplePeriodS, "trace sample period").Ticks;
            Itl[b] = new FleetItl(point.Itl);
            ThroughputPerReplica[b] = point.ThroughputTokensPerS;
            MeanPowerWPerReplica[b] = point.MeanPowerW;
            ThroughputSource[b] = config.ThroughputProvenanceAt(batches[b]);
        }
        InitialBatchIndex = batches.IndexOf(initialBatchSize);
        if (InitialBatchIndex < 0)
            throw new ArgumentException($"initial batch size {initialBatchSize} is not feasible for {info.Model}");
    }

    public int Index { get; }

    public string Label => Info.Model;

    public ServedModelInfo Info { get; }

    public InferenceConfig Config { get; }

    public ReplicaSchedule Schedule { get; }

    public int GpusPerReplica => Info.GpusPerReplica;

    public ImmutableArray<int> FeasibleBatchSizes => Info.FeasibleBatchSizes;

    /// <summary>Per feasible batch: per-GPU power series in watts.</summary>
    public float[][] Series { get; }

    /// <summary>Per feasible batch: sample spacing of the series in ticks.</summary>
    public long[] SampleTicks { get; }

    public FleetItl[] Itl { get; }

    public double[] ThroughputPerReplica { get; }

    public double[] MeanPowerWPerReplica { get; }

    /// <summary>Per feasible batch: where <see cref="ThroughputPerReplica"/> comes from.</summary>
    public ThroughputProvenance[] ThroughputSource { get; }

    public int InitialBatchIndex { get; }

    // Run state (reset by the datacenter).
    public int BatchIndex { get; set; }

    public int ActiveReplicas { get; set; }

    /// <summary>Replicas added (+) or removed (-) by commands, on top of the schedule.</summary>
    public int CommandDelta { get; set; }

    /// <summary>Servers owned, in fill order.</summary>
    public List<int> Servers { get; } = new();

    // Per owned server, in fill order, laid out contiguously for the step loop (rebuilt on changes).
    public int[] SlotOffset { get; private set; } = Array.Empty<int>();

    public double[] SlotWeight { get; private set; } = Array.Empty<double>();

    public int[] SlotPhase { get; private set; } = Array.Empty<int>();

    /// <summary>Rebuild the slot arrays from <see cref="Servers"/> and the pool's per-server data.</summary>
    public void RebuildSlots(ServerPool pool)
    {
        int n = Servers.Count;
        if (SlotOffset.Length < n)
        {
            SlotOffset = new int[pool.Count];
            SlotWeight = new double[pool.Count];
            SlotPhase = new int[pool.Count];
        }
        int length = Series[BatchIndex].Length;
        for (int j = 0; j < n; j++)
        {
            int s = Servers[j];
            SlotOffset[j] = (int)(pool.OffsetFraction[s] * length);
            SlotWeight[j] = pool.ActiveGpus[s] * pool.Jitter[s];
            SlotPhase[j] = pool.Phase[s];
        }
    }

    public int BatchSize => FeasibleBatchSizes[BatchIndex];

    public int ActiveGpus => ActiveReplicas * GpusPerReplica;
}
