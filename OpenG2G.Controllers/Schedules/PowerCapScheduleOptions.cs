using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Schedules;

/// <summary>Options of the <c>power-cap-schedule</c> controller.</summary>
public sealed record PowerCapScheduleOptions : IValidatable
{
    /// <summary>Cap settings; any order (applied in time order, declaration order among equal times). Default: none.</summary>
    public IReadOnlyList<PowerCapScheduleEntry> Entries { get; init; } = Array.Empty<PowerCapScheduleEntry>();

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        for (int i = 0; i < Entries.Count; i++)
        {
            PowerCapScheduleEntry e = Entries[i];
            p.ScheduleTime($"entries[{i}].at_s", e.AtS);
            if (e.Datacenter is not null)
                p.Name($"entries[{i}].datacenter", e.Datacenter);
            p.Name($"entries[{i}].workload", e.Workload);
            p.Positive($"entries[{i}].power_cap_w", e.PowerCapW);
        }
        return p.Problems;
    }
}
