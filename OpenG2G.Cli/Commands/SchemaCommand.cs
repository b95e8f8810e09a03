using OpenG2G.Scenarios;
using OpenG2G.Scenarios.Schema;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary><c>openg2g schema</c>: print the JSON Schema of the scenario format (built-in types) to stdout.</summary>
public sealed class SchemaCommand : Command<SchemaCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Console.Out.Write(ScenarioSchema.Generate(BuiltInComponents.CreateRegistry()));
        return ExitCodes.Ok;
    }
}
