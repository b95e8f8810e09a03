namespace OpenG2G.Controllers.Schedules;

/// <summary>One batch-size setting of a <c>batch-schedule</c>.</summary>
public sealed record BatchScheduleEntry
{
    /// <summary>Simulated time in seconds (>= 0, whole 100 ns ticks). Applied at the first controller step at or after it.</summary>
    public decimal AtS { get; init; }

    /// <summary>Datacenter to command; default (null): every target datacenter serving <see cref="Model"/>.</summary>
    public string? Datacenter { get; init; }

    /// <summary>Model label.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Batch size; must be one of the model's feasible sizes.</summary>
    public int BatchSize { get; init; }
}
