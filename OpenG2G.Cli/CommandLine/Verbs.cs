using OpenG2G.Cli.Commands;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.CommandLine;

/// <summary>The verbs of <c>openg2g</c>, in the order help lists them; the one table both the parser and the check read.</summary>
internal static class Verbs
{
    public const string TracesBranch = "traces";
    public const string TracesDescription = "The trace library: measured GPU power and performance";

    public static IReadOnlyList<Verb> All { get; } =
    [
        new("run", "Run a scenario and write its run folder (Parquet, summary.json, plots, log)", typeof(RunCommand.Settings)),
        new("validate", "Check a scenario file and report every problem with file:line:column", typeof(ValidateCommand.Settings)),
        new("summarize", "Compare runs: one table row per run folder from its summary.json (Markdown or CSV)", typeof(SummarizeCommand.Settings)),
        new("schema", "Print the JSON Schema of the scenario format", typeof(SchemaCommand.Settings)),
        new("powerflow", "Solve an OpenDSS feeder and print or write its node voltages", typeof(PowerflowCommand.Settings)),
        new("import", "Rebuild a trace library from a folder of measured datasets", typeof(TracesImportCommand.Settings), TracesBranch),
        new("list", "List models, GPUs, batch sizes, power limits and provenance", typeof(TracesListCommand.Settings), TracesBranch),
    ];

    /// <summary>What a user may type first: the root verbs and the branches.</summary>
    public static IReadOnlyList<string> FirstWords { get; } =
        All.Select(v => v.Branch ?? v.Name).Distinct(StringComparer.Ordinal).ToList();

    public static Verb? Find(string name, string? branch = null) =>
        All.FirstOrDefault(v => v.Name == name && v.Branch == branch);

    public static IEnumerable<Verb> InBranch(string branch) => All.Where(v => v.Branch == branch);

    /// <summary>Register every verb with Spectre (one line each; descriptions from <see cref="All"/>).</summary>
    public static void Register(IConfigurator config)
    {
        config.AddBranch(TracesBranch, traces =>
        {
            traces.SetDescription(TracesDescription);
            traces.AddCommand<TracesImportCommand>("import").WithDescription(Find("import", TracesBranch)!.Description);
            traces.AddCommand<TracesListCommand>("list").WithDescription(Find("list", TracesBranch)!.Description);
        });
        config.AddCommand<RunCommand>("run").WithDescription(Find("run")!.Description);
        config.AddCommand<ValidateCommand>("validate").WithDescription(Find("validate")!.Description);
        config.AddCommand<SummarizeCommand>("summarize").WithDescription(Find("summarize")!.Description);
        config.AddCommand<SchemaCommand>("schema").WithDescription(Find("schema")!.Description);
        config.AddCommand<PowerflowCommand>("powerflow").WithDescription(Find("powerflow")!.Description);
    }
}
