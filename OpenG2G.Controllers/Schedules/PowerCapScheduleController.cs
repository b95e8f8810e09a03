using System.Globalization;
using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Schedules;

/// <summary>
/// YAML type <c>power-cap-schedule</c>: sets GPU power caps of models or training jobs at given times.
/// Entries due at one step give one <see cref="SetPowerCap"/> per (datacenter, workload), a later entry winning.
/// </summary>
public sealed class PowerCapScheduleController : ControllerBase
{
    private readonly ScheduleCursor<SetPowerCap> _schedule;
    private readonly List<SetPowerCap> _due = new();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for invalid options, an unknown datacenter or workload, a cap
    /// outside the workload's measured range or two settings of one workload at one site and time; and
    /// <see cref="InvalidOperationException"/> when no target accepts power caps.
    /// </summary>
    public PowerCapScheduleController(PowerCapScheduleOptions options, ControllerBuildContext context)
        : base(context.Name, context.Period)
    {
        OptionsGuard.ThrowIfInvalid(options, "power-cap-schedule");
        var targets = new ScheduleTargets<IPowerCappable>(context, "GPU power capping",
            (c, w) => c.CappableWorkloads.Any(x => x.Workload == w), c => c.CappableWorkloads.Select(x => x.Workload));
        var resolved = new List<(SimTime, SetPowerCap)>();
        var seen = new Dictionary<(long, string, string), int>();
        for (int i = 0; i < options.Entries.Count; i++)
        {
            PowerCapScheduleEntry e = options.Entries[i];
            var at = SimTime.FromSeconds(e.AtS);
            foreach ((string site, IPowerCappable dc) in targets.Resolve(e.Datacenter, e.Workload, $"entries[{i}]", "workload"))
            {
                PowerCapInfo info = dc.CappableWorkloads.First(w => w.Workload == e.Workload);
                if (e.PowerCapW < info.MinCapW || e.PowerCapW > info.MaxCapW)
                {
                    throw OptionsGuard.Invalid($"entries[{i}].power_cap_w",
                        $"{Format(e.PowerCapW)} W is outside the measured range of '{e.Workload}' at '{site}' [{Format(info.MinCapW)}, {Format(info.MaxCapW)}] W");
                }
                if (seen.TryGetValue((at.Ticks, site, e.Workload), out int first))
                    throw OptionsGuard.Invalid($"entries[{i}]", $"'{e.Workload}' at '{site}' is already capped at {at} by entries[{first}]");
                seen.Add((at.Ticks, site, e.Workload), i);
                resolved.Add((at, new SetPowerCap(site, e.Workload, e.PowerCapW)));
            }
        }
        _schedule = new ScheduleCursor<SetPowerCap>(resolved);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        _due.Clear();
        _schedule.TakeDue(now, _due);
        return _due.Count == 0 ? Array.Empty<Command>() : LatestPerKey.Of(_due, c => (c.Target, c.Workload));
    }

    /// <inheritdoc />
    protected override void OnReset() => _schedule.Rewind();

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
