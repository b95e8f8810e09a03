namespace OpenG2G.Core.Composition;

/// <summary>
/// Where a datacenter connects to the feeder: the grid turns the datacenter's per-phase real power
/// into three single-phase loads at <paramref name="Bus"/> with reactive power from
/// <paramref name="PowerFactor"/> (lagging).
/// </summary>
public sealed record DatacenterAttachment(string Datacenter, string Bus, LoadConnection Connection, double PowerFactor);
