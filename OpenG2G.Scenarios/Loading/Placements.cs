using OpenG2G.Core.Composition;

namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// Keys every grid entry has besides its type's options: <c>type</c>, <c>name</c> (default <c>grid</c>)
/// and <c>period_s</c> (solve period in seconds, required).
/// </summary>
public sealed record GridPlacement
{
    /// <summary>Registered type name (built-in or from a plug-in).</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Label of the grid in results (default grid).</summary>
    public string Name { get; init; } = "grid";

    /// <summary>Step period in seconds (whole 100 ns ticks). Required.</summary>
    public decimal PeriodS { get; init; }
}

/// <summary>
/// Keys every datacenter entry has besides its type's options: <c>name</c>, <c>type</c>,
/// <c>period_s</c>, the <c>bus</c> it connects to, <c>connection</c> (wye or delta, default wye) and
/// <c>power_factor</c> (lagging, default 1.0).
/// </summary>
public sealed record DatacenterPlacement
{
    /// <summary>Datacenter name, unique; controllers target it by this name. Required.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Registered type name (built-in or from a plug-in).</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Step period in seconds (whole 100 ns ticks). Required.</summary>
    public decimal PeriodS { get; init; }

    /// <summary>Feeder bus the datacenter connects to. Required.</summary>
    public string Bus { get; init; } = string.Empty;

    /// <summary>wye (default) or delta.</summary>
    public LoadConnection Connection { get; init; } = LoadConnection.Wye;

    /// <summary>Power factor of the datacenter load, lagging (default 1).</summary>
    public double PowerFactor { get; init; } = 1.0;
}

/// <summary>
/// Keys every controller entry has besides its type's options: <c>name</c> (default its type),
/// <c>type</c>, <c>period_s</c>, <c>targets</c> (datacenter names; default every datacenter) and
/// <c>delay_s</c> (time between a decision and its effect, default 0).
/// </summary>
public sealed record ControllerPlacement
{
    /// <summary>Controller name, unique (default its type); results and errors name the controller by it.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Registered type name (built-in or from a plug-in).</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Step period in seconds (whole 100 ns ticks). Required.</summary>
    public decimal PeriodS { get; init; }

    /// <summary>Datacenter names the controller acts on (default: every datacenter).</summary>
    public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();

    /// <summary>Seconds between a decision and its effect (default 0).</summary>
    public decimal DelayS { get; init; }
}
