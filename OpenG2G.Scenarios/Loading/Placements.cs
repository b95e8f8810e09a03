using OpenG2G.Core.Composition;

namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// Keys every grid entry has besides its type's options: <c>type</c>, <c>name</c> (default <c>grid</c>)
/// and <c>period_s</c> (solve period in seconds, required).
/// </summary>
public sealed record GridPlacement
{
    public string Type { get; init; } = string.Empty;
    public string Name { get; init; } = "grid";
    public decimal PeriodS { get; init; }
}

/// <summary>
/// Keys every datacenter entry has besides its type's options: <c>name</c>, <c>type</c>,
/// <c>period_s</c>, the <c>bus</c> it connects to, <c>connection</c> (wye or delta, default wye) and
/// <c>power_factor</c> (lagging, default 1.0).
/// </summary>
public sealed record DatacenterPlacement
{
    public string Name { get; init; } = string.Empty;
    public string Type { get; init; } = string.Empty;
    public decimal PeriodS { get; init; }
    public string Bus { get; init; } = string.Empty;
    public LoadConnection Connection { get; init; } = LoadConnection.Wye;
    public double PowerFactor { get; init; } = 1.0;
}

/// <summary>
/// Keys every controller entry has besides its type's options: <c>name</c> (default its type),
/// <c>type</c>, <c>period_s</c>, <c>targets</c> (datacenter names; default every datacenter) and
/// <c>delay_s</c> (time between a decision and its effect, default 0).
/// </summary>
public sealed record ControllerPlacement
{
    public string Name { get; init; } = string.Empty;
    public string Type { get; init; } = string.Empty;
    public decimal PeriodS { get; init; }
    public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();
    public decimal DelayS { get; init; }
}
