using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;

namespace OpenG2G.Controllers.Schedules;

/// <summary>Options of the <c>batch-schedule</c> controller.</summary>
public sealed record BatchScheduleOptions : IValidatable
{
    /// <summary>Batch settings; any order (applied in time order, declaration order among equal times). Default: none.</summary>
    public IReadOnlyList<BatchScheduleEntry> Entries { get; init; } = Array.Empty<BatchScheduleEntry>();

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        for (int i = 0; i < Entries.Count; i++)
        {
            BatchScheduleEntry e = Entries[i];
            p.ScheduleTime($"entries[{i}].at_s", e.AtS);
            if (e.Datacenter is not null)
                p.Name($"entries[{i}].datacenter", e.Datacenter);
            p.Name($"entries[{i}].model", e.Model);
            p.Check(e.BatchSize > 0, $"entries[{i}].batch_size", $"must be > 0, got {e.BatchSize}");
        }
        return p.Problems;
    }
}
