using System.Globalization;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>What <c>openg2g sweep --dry-run</c> prints: one line per run (or search) with its parameters.</summary>
public static class SweepListing
{
    public static void Write(TextWriter w, SweepPlan plan)
    {
        string kind = plan.Search is null ? $"{plan.Runs.Length} runs" : $"{plan.Searches.Length} searches ({plan.Search})";
        w.WriteLine($"sweep {plan.Name}: {kind}, parameters {string.Join(", ", plan.Parameters.Select(p => p.Path.Length == 0 ? p.Name : p.Name + " = " + p.Path))}");
        if (plan.Search is null)
        {
            foreach (SweepRun r in plan.Runs)
                w.WriteLine($"{r.RunId}  {Values(plan, r.Values, -1)}{Seed(r.Seed)}  [{Path.GetFileName(r.ScenarioPath)}]");
            return;
        }
        foreach (SweepSearchGroup g in plan.Searches)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{g.IdPrefix}  {Values(plan, g.Values, plan.Search.ParameterIndex)}{Seed(g.Seed)}  search {plan.Parameters[plan.Search.ParameterIndex].Name} in [{plan.Search.Low}, {plan.Search.High}]  [{Path.GetFileName(g.ScenarioPath)}]"));
        }
    }

    private static string Values(SweepPlan plan, System.Collections.Immutable.ImmutableArray<SweepValue> values, int skip) =>
        string.Join("  ", plan.Parameters.Select((p, i) => (p, i))
            .Where(x => x.i != skip && !(plan.Search is not null && plan.Factory.IsDerived(x.i)))
            .Select(x => x.p.Name + "=" + values[x.i].Text));

    private static string Seed(ulong? seed) => seed is { } s ? "  seed=" + s.ToString(CultureInfo.InvariantCulture) : string.Empty;
}
