using System.ComponentModel;
using OpenG2G.Scenarios;
using OpenG2G.Scenarios.Plugins;
using OpenG2G.Scenarios.Schema;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g schema [--plugin DLL]...</c>: print the JSON Schema of the scenario format to stdout: the
/// built-in types (what <c>schema/scenario.schema.json</c> holds), plus the types of the given plug-ins.
/// </summary>
public sealed class SchemaCommand : Command<SchemaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--plugin <DLL>")]
        [Description("Also describe the types this plug-in assembly registers (repeatable)")]
        public string[] Plugins { get; init; } = [];

        [CommandOption("--sweep")]
        [Description("Print the schema of sweep files instead (what schema/sweep.schema.json holds)")]
        public bool Sweep { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Sweep)
        {
            Console.Out.Write(ScenarioSchema.GenerateSweep());
            return ExitCodes.Ok;
        }
        var registry = BuiltInComponents.CreateRegistry();
        var problems = new List<string>();
        foreach (string plugin in settings.Plugins)
        {
            if (PluginLoader.Load(Path.GetFullPath(plugin), registry) is string problem)
                problems.Add($"--plugin {plugin}: {problem}");
        }
        if (problems.Count > 0)
        {
            foreach (string p in problems)
                Console.Error.WriteLine(p);
            return ExitCodes.InvalidInput;
        }
        Console.Out.Write(ScenarioSchema.Generate(registry));
        return ExitCodes.Ok;
    }
}
