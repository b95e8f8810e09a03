namespace OpenG2G.Core.States;

/// <summary>
/// One node of the feeder that voltages are reported for: a bus (lower-case, as OpenDSS reports
/// it) and a phase number 1..3.
/// </summary>
public readonly record struct BusPhase(string Bus, int Phase)
{
    public override string ToString() => $"{Bus}.{Phase}";
}
