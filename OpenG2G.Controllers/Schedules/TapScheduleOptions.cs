using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Schedules;

/// <summary>Options of the <c>tap-schedule</c> controller.</summary>
public sealed record TapScheduleOptions : IValidatable
{
    /// <summary>Regulator settings; any order (applied in time order, declaration order among equal times). Default: none.</summary>
    public IReadOnlyList<TapScheduleEntry> Entries { get; init; } = Array.Empty<TapScheduleEntry>();

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        for (int i = 0; i < Entries.Count; i++)
        {
            TapScheduleEntry e = Entries[i];
            string at = $"entries[{i}]";
            p.ScheduleTime($"{at}.at_s", e.AtS);
            p.Name($"{at}.regulator", e.Regulator);
            if (e.Step is null == e.Ratio is null)
                p.Add(at, "give exactly one of step or ratio");
            if (e.Ratio is double ratio)
                p.Positive($"{at}.ratio", ratio);
        }
        return p.Problems;
    }
}
