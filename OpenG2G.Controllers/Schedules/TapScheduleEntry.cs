namespace OpenG2G.Controllers.Schedules;

/// <summary>
/// One regulator setting of a <c>tap-schedule</c>: at <see cref="AtS"/>, set <see cref="Regulator"/> to
/// tap <see cref="Step"/> (ratio = 1 + step ratio x step, 0.00625 per step for standard regulators) or
/// directly to <see cref="Ratio"/>. Give exactly one of the two.
/// </summary>
public sealed record TapScheduleEntry
{
    /// <summary>Simulated time in seconds (>= 0, whole 100 ns ticks). Applied at the first controller step at or after it.</summary>
    public decimal AtS { get; init; }

    /// <summary>RegControl name or the name of the transformer it moves (case-insensitive).</summary>
    public string Regulator { get; init; } = string.Empty;

    /// <summary>Tap position in steps from neutral (e.g. 16 = 1.1 for a 0.00625-per-step regulator).</summary>
    public int? Step { get; init; }

    /// <summary>Tap ratio in per unit (e.g. 1.0875).</summary>
    public double? Ratio { get; init; }
}
