using System.Collections.Immutable;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Results.Summary;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// The results of a sweep as Parquet: <c>summary/part-RUNID.parquet</c>, one file per finished run (one row: run_id,
/// combination, probe, every swept parameter typed, then every scalar of <see cref="SummaryFields.Run"/> with dots as
/// underscores, the scenario's name as <c>scenario_name</c>), and for searches <c>searches/part-ID.parquet</c>, one row
/// per finished search. Each file appears whole or not at all (<see cref="TableFile"/>), so the folders are always one
/// readable dataset: <c>read_parquet('DIR/summary/*.parquet')</c>.
/// </summary>
public static class SweepTable
{
    public const string SummaryFolder = "summary";
    public const string SearchFolder = "searches";
    public const string TimeseriesFolder = "timeseries";

    /// <summary>Columns that are not parameters: a parameter may not take these names.</summary>
    public static IReadOnlyList<string> ReservedNames { get; } =
        new[] { "run_id", "combination", "probe", "search_id", "probes", "failed_probes", "outcome", "condition", "result", "seed" }
            .Concat(SummaryFields.Run.Select(f => ColumnName(f.Path))).ToList();

    /// <summary>The table column of a summary key path.</summary>
    public static string ColumnName(string summaryPath) => summaryPath == "scenario" ? "scenario_name" : summaryPath.Replace('.', '_');

    public static IReadOnlyList<TableColumn> RunColumns(SweepPlan plan) =>
        new[] { new TableColumn("run_id", TableType.Text), new TableColumn("combination", TableType.Int64), new TableColumn("probe", TableType.Int64) }
            .Concat(plan.Parameters.Select(Column))
            .Concat(SummaryFields.Run.Select(f => new TableColumn(ColumnName(f.Path), TypeOf(f.Type, f.Path))))
            .ToList();

    /// <summary>The row of a finished run: its summary, or (when it never got one) its error with every metric null.</summary>
    public static object?[] RunRow(SweepPlan plan, SweepRun run, RunSummary? summary, string? error, double wallTimeS, ulong? seed)
    {
        var row = new List<object?> { run.RunId, (long)run.Combination, run.Probe < 0 ? null : (long)run.Probe };
        row.AddRange(run.Values.Select((v, i) => Value(v, plan.Parameters[i].Type)));
        foreach (SummaryField<RunSummary> f in SummaryFields.Run)
        {
            row.Add(summary is not null ? Value(f.Get(summary), f.Path) : f.Path switch
            {
                "run.status" => "failed",
                "run.error" => error,
                "run.seed" => seed,
                "run.wall_time_s" => wallTimeS,
                "run.version" => Running.ScenarioRunner.Version,
                _ => null,
            });
        }
        return row.ToArray();
    }

    public static string RunPart(string directory, string runId) => Path.Combine(directory, SummaryFolder, "part-" + runId + ".parquet");

    public static string SearchPart(string directory, string searchId) => Path.Combine(directory, SearchFolder, "part-" + searchId + ".parquet");

    /// <summary>Columns of a finished search: its id, the other parameters, the seed, the answer and how it was reached.</summary>
    public static IReadOnlyList<TableColumn> SearchColumns(SweepPlan plan)
    {
        var columns = new List<TableColumn> { new("search_id", TableType.Text), new("combination", TableType.Int64) };
        columns.AddRange(plan.Parameters.Where((_, i) => i != plan.Search!.ParameterIndex && !IsDerived(plan, i)).Select(Column));
        columns.Add(new TableColumn("seed", TableType.UInt64));
        columns.Add(new TableColumn(plan.Parameters[plan.Search!.ParameterIndex].Name, TypeOf(plan.Parameters[plan.Search.ParameterIndex].Type)));
        columns.AddRange([new("outcome", TableType.Text), new("probes", TableType.Int64), new("failed_probes", TableType.Int64), new("condition", TableType.Text)]);
        return columns;
    }

    public static object?[] SearchRow(SweepPlan plan, SweepSearchGroup group, ulong seed, double result, string outcome, int probes, int failed)
    {
        var row = new List<object?> { group.IdPrefix, (long)group.Combination };
        row.AddRange(group.Values.Select((v, i) => (v, i)).Where(x => x.i != plan.Search!.ParameterIndex && !IsDerived(plan, x.i))
            .Select(x => Value(x.v, plan.Parameters[x.i].Type)));
        row.Add(seed);
        bool integer = plan.Parameters[plan.Search!.ParameterIndex].Type == SweepValueType.Integer;
        row.Add(double.IsNaN(result) ? null : integer ? (object)(long)result : result);
        row.AddRange([outcome, (long)probes, (long)failed, plan.Search.ToString()]);
        return row.ToArray();
    }

    /// <summary>Whether parameter <paramref name="index"/> is derived (its value depends on the search value, so a search row omits it).</summary>
    private static bool IsDerived(SweepPlan plan, int index) => plan.Factory.IsDerived(index);

    private static TableColumn Column(SweepParameter p) => new(p.Name, TypeOf(p.Type));

    private static TableType TypeOf(SweepValueType t) => t switch
    {
        SweepValueType.Integer => TableType.Int64,
        SweepValueType.Number => TableType.Double,
        _ => TableType.Text,
    };

    private static TableType TypeOf(SummaryValueType t, string path) => t switch
    {
        SummaryValueType.Number => TableType.Double,
        SummaryValueType.Whole => path == "run.seed" ? TableType.UInt64 : TableType.Int64,
        SummaryValueType.Flag => TableType.Bool,
        _ => TableType.Text,
    };

    /// <summary>A parameter value in its column's type (a column is text as soon as one of its values is).</summary>
    private static object? Value(SweepValue v, SweepValueType column) => column switch
    {
        SweepValueType.Integer => v.Integer,
        SweepValueType.Number => v.AsDouble,
        _ => v.Text,
    };

    private static object? Value(SummaryValue v, string path) => v.Type switch
    {
        SummaryValueType.Number => v.Number,
        SummaryValueType.Whole => path == "run.seed" ? v.Whole : (long)v.Whole,
        SummaryValueType.Flag => v.Flag,
        _ => v.Text,
    };
}
