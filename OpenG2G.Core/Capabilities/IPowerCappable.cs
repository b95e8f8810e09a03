namespace OpenG2G.Core.Capabilities;

/// <summary>A datacenter that accepts <c>SetPowerCap</c> commands.</summary>
public interface IPowerCappable
{
    /// <summary>Component name (command target).</summary>
    string Name { get; }

    /// <summary>Workloads (model labels or training job names) whose GPUs can be capped.</summary>
    IReadOnlyList<PowerCapInfo> CappableWorkloads { get; }
}

/// <summary>
/// Measured response of one workload to a per-GPU power cap, as functions of the cap in watts
/// (monotone interpolation of measured points).
/// </summary>
/// <param name="Workload">Model label or training job name.</param>
/// <param name="MinCapW">Lowest measured cap in watts per GPU.</param>
/// <param name="MaxCapW">Highest measured cap in watts per GPU (uncapped operation).</param>
/// <param name="PowerPerGpuW">Power per GPU in watts against the cap.</param>
/// <param name="ThroughputFraction">Throughput relative to uncapped operation against the cap.</param>
public sealed record PowerCapInfo(
    string Workload,
    double MinCapW,
    double MaxCapW,
    Func<double, CurvePoint> PowerPerGpuW,
    Func<double, CurvePoint> ThroughputFraction);
