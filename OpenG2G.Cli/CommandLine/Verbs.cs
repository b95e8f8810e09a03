using OpenG2G.Cli.Commands;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.CommandLine;

/// <summary>The verbs of <c>openg2g</c>, in the order help lists them; the one table both the parser and the check read.</summary>
internal static class Verbs
{
    public const string TracesBranch = "traces";
    public const string TracesDescription = "The trace library: measured GPU power and performance";
    public const string EnvBranch = "env";
    public const string EnvDescription = "The RL environment for other programs: a server of K environments (Python's openg2g.make), an in-process replay";

    public static IReadOnlyList<Verb> All { get; } =
    [
        new("run", "Run a scenario and write its run folder (Parquet, summary.json, plots, log)", typeof(RunCommand.Settings)),
        new("validate", "Check a scenario file and report every problem with file:line:column", typeof(ValidateCommand.Settings)),
        new("summarize", "Compare runs: one table row per run folder from its summary.json (Markdown or CSV)", typeof(SummarizeCommand.Settings)),
        new("sweep", "Run a parameter sweep to Parquet on every core (resumable, shardable); also `sweep merge` and `sweep plot`", typeof(SweepCommand.Settings)),
        new("sweep-merge", "Check that shard folders form one complete sweep and merge them", typeof(SweepMergeCommand.Settings), Spelled: "sweep merge"),
        new("sweep-plot", "Draw the plots a sweep file declares from its results", typeof(SweepPlotCommand.Settings), Spelled: "sweep plot"),
        new("train", "Train a PPO policy on a scenario (training file) and write the policy file, training curve and checkpoint", typeof(TrainCommand.Settings)),
        new("evaluate", "Compare controllers on held-out randomised scenarios (evaluation file): one Parquet table and one plot", typeof(EvaluateCommand.Settings)),
        new("schema", "Print the JSON Schema of the scenario format (or with --sweep of sweep files)", typeof(SchemaCommand.Settings)),
        new("powerflow", "Solve an OpenDSS feeder and print or write its node voltages", typeof(PowerflowCommand.Settings)),
        new("serve", "Host K RL environments of a scenario behind a binary protocol on standard input/output or a private Unix socket", typeof(EnvServeCommand.Settings), EnvBranch),
        new("play", "Play a fixed action sequence in the RL environment in-process and write each step's arrays (the bridge's reference)", typeof(EnvPlayCommand.Settings), EnvBranch),
        new("import", "Rebuild a trace library from a folder of measured datasets", typeof(TracesImportCommand.Settings), TracesBranch),
        new("list", "List models, GPUs, batch sizes, power limits and provenance", typeof(TracesListCommand.Settings), TracesBranch),
    ];

    /// <summary>What a user may type first: the root verbs and the branches.</summary>
    public static IReadOnlyList<string> FirstWords { get; } =
        All.Where(v => v.Spelled is null).Select(v => v.Branch ?? v.Name).Distinct(StringComparer.Ordinal).ToList();

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
        config.AddBranch(EnvBranch, env =>
        {
            env.SetDescription(EnvDescription);
            env.AddCommand<EnvServeCommand>("serve").WithDescription(Find("serve", EnvBranch)!.Description);
            env.AddCommand<EnvPlayCommand>("play").WithDescription(Find("play", EnvBranch)!.Description);
        });
        config.AddCommand<RunCommand>("run").WithDescription(Find("run")!.Description);
        config.AddCommand<ValidateCommand>("validate").WithDescription(Find("validate")!.Description);
        config.AddCommand<SummarizeCommand>("summarize").WithDescription(Find("summarize")!.Description);
        config.AddCommand<SweepCommand>("sweep").WithDescription(Find("sweep")!.Description);
        config.AddCommand<SweepMergeCommand>("sweep-merge").WithDescription(Find("sweep-merge")!.Description);
        config.AddCommand<SweepPlotCommand>("sweep-plot").WithDescription(Find("sweep-plot")!.Description);
        config.AddCommand<TrainCommand>("train").WithDescription(Find("train")!.Description);
        config.AddCommand<EvaluateCommand>("evaluate").WithDescription(Find("evaluate")!.Description);
        config.AddCommand<SchemaCommand>("schema").WithDescription(Find("schema")!.Description);
        config.AddCommand<PowerflowCommand>("powerflow").WithDescription(Find("powerflow")!.Description);
    }
}
