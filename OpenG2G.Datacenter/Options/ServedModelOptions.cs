using System.Collections.Immutable;

namespace OpenG2G.Datacenter.Options;

/// <summary>
/// One model the datacenter serves, named by its trace-library label. YAML:
/// <c>{ label: Llama-3.1-8B, gpus_per_replica: 1, itl_deadline_s: 0.08, initial_replicas: 720, ramps: [...] }</c>.
/// </summary>
public sealed record ServedModelOptions
{
    /// <summary>Model label in the trace library (see <c>openg2g traces list</c>). Required.</summary>
    public string Label { get; init; } = "";

    /// <summary>GPU type; default the datacenter's <c>gpu_type</c>.</summary>
    public string? Gpu { get; init; }

    /// <summary>GPUs per replica; may be omitted when the library has one configuration of the model on that GPU.</summary>
    public int? GpusPerReplica { get; init; }

    /// <summary>Benchmark task of the measurement; may be omitted when the library has one.</summary>
    public string? Task { get; init; }

    /// <summary>Inter-token latency deadline in seconds (&gt; 0). Required.</summary>
    public double ItlDeadlineS { get; init; }

    /// <summary>Batch size at the start; must be feasible. Default 128.</summary>
    public int InitialBatchSize { get; init; } = 128;

    /// <summary>Batch sizes commands may choose; each must be measured. Default: every measured batch size.</summary>
    public ImmutableArray<int> FeasibleBatchSizes { get; init; } = ImmutableArray<int>.Empty;

    /// <summary>Replicas at the start (&gt;= 0). A model at 0 draws no power until replicas are added.</summary>
    public int InitialReplicas { get; init; }

    /// <summary>Linear replica ramps, in time order, not overlapping.</summary>
    public ImmutableArray<ReplicaRampOptions> Ramps { get; init; } = ImmutableArray<ReplicaRampOptions>.Empty;
}
