using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Binding;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Results.Summary;

namespace OpenG2G.Scenarios.Sweeps;

public static partial class SweepLoader
{
    private static readonly string[] Operators = ["<=", ">=", "==", "<", ">"];

    /// <summary>Derived parameters as columns after the axes', with their parsed expressions (names must be earlier columns).</summary>
    private static ImmutableArray<(int, Expression)> Derived(YamlBinder binder, SweepFile sweep, List<SweepParameter> parameters)
    {
        var result = ImmutableArray.CreateBuilder<(int, Expression)>();
        for (int i = 0; i < sweep.Derived.Count; i++)
        {
            DerivedOptions d = sweep.Derived[i];
            string path = $"derived[{i}]";
            SourceLocation at = binder.Locations.Find(path + ".value");
            if (string.IsNullOrWhiteSpace(d.Parameter) || string.IsNullOrWhiteSpace(d.Value))
            {
                binder.Diagnostics.Add(Diagnostic.Error(binder.Locations.Find(path), path, "needs parameter (the scenario path) and value (an expression of axis names)"));
                continue;
            }
            Expression e;
            try
            {
                e = Expression.Parse(d.Value);
            }
            catch (FormatException x)
            {
                binder.Diagnostics.Add(Diagnostic.Error(at, path + ".value", x.Message));
                continue;
            }
            foreach (string name in e.Names.Where(n => parameters.All(p => p.Name != n)))
            {
                binder.Diagnostics.Add(Diagnostic.Error(at, path + ".value", $"'{name}' is not the name of an axis or an earlier derived parameter; names: "
                    + (parameters.Count == 0 ? "(none)" : string.Join(", ", parameters.Select(p => p.Name)))));
            }
            result.Add((parameters.Count, e));
            parameters.Add(new SweepParameter(d.Name ?? AxisContext.DefaultName(d.Parameter), d.Parameter.Trim(), SweepValueType.Number, binder.Locations.Find(path + ".parameter")));
        }
        return result.ToImmutable();
    }

    /// <summary>The search axis, checked: bracket, tolerance, and <c>until: METRIC OP NUMBER</c> on a numeric summary field.</summary>
    private static SearchSpec? Search(YamlBinder binder, SweepFile sweep, List<SweepParameter> parameters)
    {
        int axis = sweep.Axes.ToList().FindIndex(a => a.Search is not null);
        if (axis < 0 || sweep.Axes[axis].Search is not { } s || sweep.Axes[axis].Parameter is null)
            return null;
        string path = $"axes[{axis}].search";
        void Problem(string key, string message) => binder.Diagnostics.Add(Diagnostic.Error(binder.Locations.Find(path + "." + key), path + "." + key, message));
        if (!(double.IsFinite(s.Low) && double.IsFinite(s.High) && s.Low < s.High))
            Problem("high", $"needs finite low < high, got low {s.Low.ToString(CultureInfo.InvariantCulture)} and high {s.High.ToString(CultureInfo.InvariantCulture)}");
        if (!(s.Tolerance > 0))
            Problem("tolerance", $"must be > 0, got {s.Tolerance.ToString(CultureInfo.InvariantCulture)}");
        if (s.Integer && (!double.IsInteger(s.Low) || !double.IsInteger(s.High)))
            Problem("low", "an integer search needs whole-number low and high");
        string until = s.Until?.Trim() ?? string.Empty;
        string? op = Operators.FirstOrDefault(o => until.Contains(o, StringComparison.Ordinal));
        string metric = op is null ? string.Empty : until[..until.IndexOf(op, StringComparison.Ordinal)].Trim();
        string number = op is null ? string.Empty : until[(until.IndexOf(op, StringComparison.Ordinal) + op.Length)..].Trim();
        var numeric = SummaryFields.Run.Where(f => f.Type is SummaryValueType.Number or SummaryValueType.Whole).Select(f => f.Path).ToList();
        if (op is null || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double threshold) || !double.IsFinite(threshold))
        {
            Problem("until", $"expected METRIC OP NUMBER (OP one of < <= > >= ==), e.g. voltage.violation_time_s <= 360, got '{until}'");
            return null;
        }
        if (!numeric.Contains(metric))
        {
            Problem("until", YamlBinder.UnknownKey(metric, numeric).Replace("unknown key", "unknown summary metric", StringComparison.Ordinal));
            return null;
        }
        int index = parameters.FindIndex(p => p.Path == sweep.Axes[axis].Parameter!.Trim());
        return new SearchSpec(index, s.Low, s.High, s.Tolerance, s.Integer, metric, op, threshold);
    }

    /// <summary>The grid product of the axes (last fastest) times the seeds: grid runs, or search groups when one axis searches.</summary>
    private static SweepPlan Assemble(SweepFile sweep, string file, string? scenario, List<AxisPoints> axes, ImmutableArray<SweepParameter> parameters,
        ImmutableArray<(string, string, SourceLocation)> fixedOverrides, ImmutableArray<(int, Expression)> derived, SearchSpec? search)
    {
        ulong?[] seeds = sweep.Seeds.Count > 0 ? sweep.Seeds.Select(s => (ulong?)s).ToArray()
            : sweep.Replicates > 0 ? Enumerable.Range(0, sweep.Replicates).Select(i => (ulong?)(ulong)i).ToArray() : [null];
        int combinations = axes.Aggregate(1, (n, a) => checked(n * a.Points.Length)) * seeds.Length;
        var factory = new RunFactory(parameters, fixedOverrides, derived, combinations);
        var runs = ImmutableArray.CreateBuilder<SweepRun>();
        var searches = ImmutableArray.CreateBuilder<SweepSearchGroup>();
        var scenarios = new HashSet<string>(StringComparer.Ordinal);
        var values = new SweepValue[parameters.Length];
        int combination = 0;
        foreach (int[] pick in Product(axes.Select(a => a.Points.Length).ToArray()))
        {
            string? baseScenario = scenario;
            int column = 0;
            for (int a = 0; a < axes.Count; a++)
            {
                foreach (SweepValue v in axes[a].Points[pick[a]])
                    values[column++] = v;
                if (!axes[a].Scenarios.IsEmpty)
                    baseScenario = axes[a].Scenarios[pick[a]];
            }
            scenarios.Add(baseScenario!);
            foreach (ulong? seed in seeds)
            {
                if (search is not null)
                    searches.Add(new SweepSearchGroup(combination, factory.RunId(combination), baseScenario!, values.ToImmutableArray(), seed));
                else
                    runs.Add(factory.Make(combination, -1, baseScenario!, values.ToImmutableArray(), seed));
                combination++;
            }
        }
        string name = sweep.Name ?? Path.GetFileNameWithoutExtension(file);
        return new SweepPlan(name, file, Fingerprint(file, scenarios.Order(StringComparer.Ordinal)), parameters, runs.ToImmutable(), searches.ToImmutable(),
            search, sweep.Keep, sweep.Plots.ToImmutableArray(), factory);
    }

    private static IEnumerable<int[]> Product(int[] sizes)
    {
        if (sizes.Any(s => s == 0))
            yield break;
        var pick = new int[sizes.Length];
        while (true)
        {
            yield return (int[])pick.Clone();
            int k = sizes.Length - 1;
            while (k >= 0 && ++pick[k] == sizes[k])
                pick[k--] = 0;
            if (k < 0)
                yield break;
        }
    }
}
