using Spectre.Console.Cli;

namespace OpenG2G.Cli;

/// <summary>The <c>openg2g</c> console runner: thin verbs over the libraries.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildApp().Run(args);

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
            config.AddCommand<Commands.TrainCommand>("train").WithDescription("Train a PPO policy on a scenario (training file) and write the policy file, training curve and checkpoint");
            config.AddCommand<Commands.EvaluateCommand>("evaluate").WithDescription("Compare controllers on held-out randomised scenarios (evaluation file): one Parquet table and one plot");
            config.AddCommand<Commands.SchemaCommand>("schema").WithDescription("Print the JSON Schema of the scenario format");
            config.AddCommand<Commands.PowerflowCommand>("powerflow").WithDescription("Solve an OpenDSS feeder and print or write its node voltages");
        });
        return app;
    }
}
