namespace OpenG2G.Controllers.Schedules;

/// <summary>One power-cap setting of a <c>power-cap-schedule</c>.</summary>
public sealed record PowerCapScheduleEntry
{
    /// <summary>Simulated time in seconds (>= 0, whole 100 ns ticks). Applied at the first controller step at or after it.</summary>
    public decimal AtS { get; init; }

    /// <summary>Datacenter to command; default (null): every target datacenter that can cap <see cref="Workload"/>.</summary>
    public string? Datacenter { get; init; }

    /// <summary>Model label or training job name.</summary>
    public string Workload { get; init; } = string.Empty;

    /// <summary>Cap per GPU in watts, within the workload's measured range (its maximum means uncapped).</summary>
    public double PowerCapW { get; init; }
}
