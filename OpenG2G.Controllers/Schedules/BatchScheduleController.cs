using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Schedules;

/// <summary>
/// YAML type <c>batch-schedule</c>: sets models' batch sizes at given times. Entries due at one step
/// give one <see cref="SetBatchSize"/> per (datacenter, model), a later entry winning.
/// </summary>
public sealed class BatchScheduleController : ControllerBase
{
    private readonly ScheduleCursor<SetBatchSize> _schedule;
    private readonly List<SetBatchSize> _due = new();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for invalid options, an unknown datacenter or model, an
    /// infeasible batch size or two settings of one model at one site and time; and
    /// <see cref="InvalidOperationException"/> when no target accepts batch sizes.
    /// </summary>
    public BatchScheduleController(BatchScheduleOptions options, ControllerBuildContext context)
        : base(context.Name, context.Period)
    {
        OptionsGuard.ThrowIfInvalid(options, "batch-schedule");
        var targets = new ScheduleTargets<IBatchControllable>(context, "batch-size control",
            (c, model) => c.Models.Any(m => m.Model == model), c => c.Models.Select(m => m.Model));
        var resolved = new List<(SimTime, SetBatchSize)>();
        var seen = new Dictionary<(long, string, string), int>();
        for (int i = 0; i < options.Entries.Count; i++)
        {
            BatchScheduleEntry e = options.Entries[i];
            var at = SimTime.FromSeconds(e.AtS);
            foreach ((string site, IBatchControllable dc) in targets.Resolve(e.Datacenter, e.Model, $"entries[{i}]", "model"))
            {
                ServedModelInfo info = dc.Models.First(m => m.Model == e.Model);
                if (!info.FeasibleBatchSizes.Contains(e.BatchSize))
                {
                    throw OptionsGuard.Invalid($"entries[{i}].batch_size",
                        $"{e.BatchSize} is not a feasible batch size of '{e.Model}' at '{site}' (feasible: {string.Join(", ", info.FeasibleBatchSizes)})");
                }
                if (seen.TryGetValue((at.Ticks, site, e.Model), out int first))
                    throw OptionsGuard.Invalid($"entries[{i}]", $"'{e.Model}' at '{site}' is already set at {at} by entries[{first}]");
                seen.Add((at.Ticks, site, e.Model), i);
                resolved.Add((at, new SetBatchSize(site, e.Model, e.BatchSize)));
            }
        }
        _schedule = new ScheduleCursor<SetBatchSize>(resolved);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        _due.Clear();
        _schedule.TakeDue(now, _due);
        return _due.Count == 0 ? Array.Empty<Command>() : LatestPerKey.Of(_due, c => (c.Target, c.Model));
    }

    /// <inheritdoc />
    protected override void OnReset() => _schedule.Rewind();
}
