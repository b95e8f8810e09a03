namespace OpenG2G.Core.Composition;

/// <summary>
/// Where a datacenter connects to the feeder: the grid turns the datacenter's per-phase real power
/// into three single-phase loads at <paramref name="Bus"/> with reactive power from
/// <paramref name="PowerFactor"/> (lagging).
/// </summary>
public sealed record DatacenterAttachment(string Datacenter, string Bus, LoadConnection Connection, double PowerFactor)
{
    /// <summary>The scenario path of the bus key (<c>datacenters[0].bus</c>), for messages about the bus; empty when unknown.</summary>
    public string BusPath { get; init; } = string.Empty;

    /// <summary>Where the bus is written in the scenario file; <see cref="Diagnostics.SourceLocation.None"/> when unknown.</summary>
    public Diagnostics.SourceLocation BusAt { get; init; } = Diagnostics.SourceLocation.None;
}
