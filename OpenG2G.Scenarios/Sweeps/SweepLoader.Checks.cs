using System.Collections.Immutable;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Scenarios.Sweeps;

public static partial class SweepLoader
{
    /// <summary>
    /// Load every run's scenario with its overrides (and build the first run of each base scenario), reporting each
    /// distinct problem once at the sweep-file line of the axis or <c>set</c> entry that caused it, with the run.
    /// Search groups are checked at both ends of their bracket.
    /// </summary>
    private static void CheckRuns(SweepPlan plan)
    {
        var problems = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var built = new HashSet<string>(StringComparer.Ordinal);
        foreach (SweepRun run in RunsToCheck(plan))
        {
            try
            {
                var definition = ScenarioRunner.Load(run.ScenarioPath, run.Overrides);
                if (built.Add(run.ScenarioPath))
                    ScenarioRunner.Build(definition);
            }
            catch (InvalidInputException e)
            {
                // One line per distinct problem (the same bad value in many runs is reported with the first run).
                foreach (Diagnostic d in e.Errors)
                {
                    Diagnostic located = Locate(d, run);
                    if (seen.Add($"{located.Location}|{d.Path}|{d.Message}"))
                        problems.Add(located);
                }
            }
        }
        if (problems.Count > 0)
            throw new InvalidInputException(SortedErrors(problems));
    }

    private static IEnumerable<SweepRun> RunsToCheck(SweepPlan plan)
    {
        foreach (SweepRun run in plan.Runs)
            yield return run;
        if (plan.Search is not { } search)
            yield break;
        foreach (SweepSearchGroup g in plan.Searches)
        {
            foreach (double end in new[] { search.Low, search.High })
                yield return plan.Factory.Make(g.Combination, 0, g.ScenarioPath, WithSearchValue(g.Values, search, end), g.Seed);
        }
    }

    /// <summary>The group's values with the search parameter set to <paramref name="value"/>.</summary>
    public static ImmutableArray<SweepValue> WithSearchValue(ImmutableArray<SweepValue> values, SearchSpec search, double value) =>
        values.SetItem(search.ParameterIndex, search.Integer ? SweepValue.OfInteger((long)value) : SweepValue.OfNumber(value));

    /// <summary>A problem a run's override caused, moved to the sweep-file line that wrote the override.</summary>
    private static Diagnostic Locate(Diagnostic d, SweepRun run)
    {
        const string Origin = "--set ";
        if (!d.Location.File.StartsWith(Origin, StringComparison.Ordinal))
            return d with { Message = $"{d.Message} (run {run.RunId})" };
        int i = run.Overrides.IndexOf(d.Location.File[Origin.Length..]);
        SourceLocation at = i >= 0 ? run.OverrideSources[i] : SourceLocation.None;
        return d with { Location = at, Message = $"{d.Message} (run {run.RunId}: {d.Location.File[Origin.Length..]})" };
    }
}
