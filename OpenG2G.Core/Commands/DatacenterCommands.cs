namespace OpenG2G.Core.Commands;

/// <summary>Serve <paramref name="Model"/> at batch size <paramref name="BatchSize"/> (must be a feasible size).</summary>
public sealed record SetBatchSize(string Target, string Model, int BatchSize) : DatacenterCommand(Target);

/// <summary>Cap every GPU of <paramref name="Workload"/> (a model label or a training job name) at <paramref name="PowerCapW"/> watts.</summary>
public sealed record SetPowerCap(string Target, string Workload, double PowerCapW) : DatacenterCommand(Target);

/// <summary>
/// Add (positive) or remove (negative) <paramref name="DeltaReplicas"/> replicas of
/// <paramref name="Model"/> at the target site. A shift between sites is two commands, one per site.
/// </summary>
public sealed record AdjustReplicas(string Target, string Model, int DeltaReplicas) : DatacenterCommand(Target);
