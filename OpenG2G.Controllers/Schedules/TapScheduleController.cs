using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Schedules;

/// <summary>
/// YAML type <c>tap-schedule</c>: sets regulator taps at given times (the "tap change" baseline of the
/// published studies). Every entry whose time has come is applied at the first controller step at or
/// after it; entries due at the same step become one <see cref="SetTaps"/> command, a later entry for
/// the same regulator winning.
/// </summary>
public sealed class TapScheduleController : ControllerBase
{
    private readonly string _grid;
    private readonly ScheduleCursor<(string Regulator, double Ratio)> _schedule;
    private readonly List<(string Regulator, double Ratio)> _due = new();

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for invalid options, a regulator the feeder does not have,
    /// a ratio outside the regulator's range, or two settings of one regulator at the same time; and
    /// <see cref="InvalidOperationException"/> when the grid cannot change taps.
    /// </summary>
    public TapScheduleController(TapScheduleOptions options, ControllerBuildContext context)
        : base(context.Name, context.Period)
    {
        OptionsGuard.ThrowIfInvalid(options, "tap-schedule");
        ITapChanger taps = context.Require<ITapChanger>(context.Grid, "regulators whose taps can be set");
        _grid = context.Grid.Name;
        var resolved = new List<(SimTime, (string, double))>();
        var seen = new Dictionary<(long, string), int>();
        for (int i = 0; i < options.Entries.Count; i++)
        {
            TapScheduleEntry e = options.Entries[i];
            RegulatorInfo reg = Find(taps.Regulators, e.Regulator, i);
            double ratio = e.Ratio ?? 1.0 + reg.StepRatio * e.Step!.Value;
            if (ratio < reg.MinTapRatio - 1e-12 || ratio > reg.MaxTapRatio + 1e-12)
            {
                string what = e.Step is int step ? $"tap step {step} gives ratio {Format(ratio)}" : $"ratio {Format(ratio)} is";
                throw OptionsGuard.Invalid($"entries[{i}].{(e.Step is null ? "ratio" : "step")}",
                    $"{what} outside the range of '{reg.Name}' [{Format(reg.MinTapRatio)}, {Format(reg.MaxTapRatio)}]");
            }
            var at = SimTime.FromSeconds(e.AtS);
            if (seen.TryGetValue((at.Ticks, reg.Name), out int first))
                throw OptionsGuard.Invalid($"entries[{i}]", $"regulator '{reg.Name}' is already set at {at} by entries[{first}]");
            seen.Add((at.Ticks, reg.Name), i);
            resolved.Add((at, (reg.Name, ratio)));
        }
        _schedule = new ScheduleCursor<(string, double)>(resolved);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        _due.Clear();
        _schedule.TakeDue(now, _due);
        if (_due.Count == 0)
            return Array.Empty<Command>();
        var ratios = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach ((string regulator, double ratio) in _due)
            ratios[regulator] = ratio;
        return new Command[] { new SetTaps(_grid, ratios.ToImmutable()) };
    }

    /// <inheritdoc />
    protected override void OnReset() => _schedule.Rewind();

    private static RegulatorInfo Find(ImmutableArray<RegulatorInfo> regulators, string name, int entry)
    {
        foreach (RegulatorInfo r in regulators)
        {
            if (string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Transformer, name, StringComparison.OrdinalIgnoreCase))
                return r;
        }
        throw OptionsGuard.Invalid($"entries[{entry}].regulator",
            $"the feeder has no regulator '{name}' (regulators: {OptionsGuard.List(regulators.Select(r => r.Name))})");
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
