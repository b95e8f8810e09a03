namespace OpenG2G.Core.States;

/// <summary>
/// Where a reported throughput comes from, so a reader knows how far to trust it. Ordered from most
/// to least trustworthy after <see cref="Unknown"/>.
/// </summary>
public enum ThroughputProvenance
{
    /// <summary>The datacenter does not say (plug-ins and fakes that do not set it).</summary>
    Unknown = 0,

    /// <summary>Measured at this configuration and batch size.</summary>
    Measured = 1,

    /// <summary>A fitted curve between the smallest and largest batch sizes whose throughput was measured.</summary>
    Interpolated = 2,

    /// <summary>A fitted curve outside the range of batch sizes whose throughput was measured.</summary>
    Extrapolated = 3,
}
