using Spectre.Console.Cli;

namespace OpenG2G.Cli;

/// <summary>The <c>openg2g</c> console runner: thin verbs over the libraries.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildApp().Run(Rewrite(args));

    /// <summary>
    /// <c>sweep merge ...</c> and <c>sweep plot ...</c> are verbs of their own (<c>sweep-merge</c>, <c>sweep-plot</c>):
    /// <c>sweep</c> itself takes a file as its first argument, which a command branch cannot.
    /// </summary>
    public static string[] Rewrite(string[] args) =>
        args.Length >= 2 && args[0] == "sweep" && args[1] is "merge" or "plot" ? ["sweep-" + args[1], .. args[2..]] : args;

    /// <summary>The command tree; tests run it in-process.</summary>
    public static CommandApp BuildApp()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("openg2g");
            config.PropagateExceptions();
            // Verbs register here, one line each (see Commands/).
            config.AddBranch("traces", traces =>
            {
                traces.SetDescription("The trace library: measured GPU power and performance");
                traces.AddCommand<Commands.TracesImportCommand>("import").WithDescription("Rebuild traces/ from the measured data folder");
                traces.AddCommand<Commands.TracesListCommand>("list").WithDescription("List models, GPUs, batch sizes, power limits and provenance");
            });
            config.AddCommand<Commands.RunCommand>("run").WithDescription("Run a scenario and write its run folder (Parquet, summary.json, plots, log)");
            config.AddCommand<Commands.ValidateCommand>("validate").WithDescription("Check a scenario file and report every problem with file:line:column");
            config.AddCommand<Commands.SummarizeCommand>("summarize").WithDescription("Compare runs: one table row per run folder from its summary.json (Markdown or CSV)");
            config.AddCommand<Commands.SweepCommand>("sweep").WithDescription("Run a parameter sweep to Parquet on every core (resumable, shardable); also `sweep merge` and `sweep plot`");
            config.AddCommand<Commands.SweepMergeCommand>("sweep-merge").WithDescription("sweep merge DIR... --out OUT: check shard folders form one complete sweep and merge them");
            config.AddCommand<Commands.SweepPlotCommand>("sweep-plot").WithDescription("sweep plot DIR: draw the plots a sweep file declares from its results");
            config.AddCommand<Commands.TrainCommand>("train").WithDescription("Train a PPO policy on a scenario (training file) and write the policy file, training curve and checkpoint");
            config.AddCommand<Commands.EvaluateCommand>("evaluate").WithDescription("Compare controllers on held-out randomised scenarios (evaluation file): one Parquet table and one plot");
            config.AddCommand<Commands.SchemaCommand>("schema").WithDescription("Print the JSON Schema of the scenario format");
            config.AddCommand<Commands.PowerflowCommand>("powerflow").WithDescription("Solve an OpenDSS feeder and print or write its node voltages");
        });
        return app;
    }
}
