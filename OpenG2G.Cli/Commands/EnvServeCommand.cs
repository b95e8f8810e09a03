using System.ComponentModel;
using System.Net.Sockets;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Serving;
using Spectre.Console.Cli;

namespace OpenG2G.Cli.Commands;

/// <summary>
/// <c>openg2g env serve SCENARIO [--envs K] [--socket PATH]</c>: host K environments of the scenario behind the
/// binary protocol (docs/python.md#protocol), over standard input and output (the default, for a parent
/// process that started it) or over a Unix domain socket in a private directory. It opens no network port.
/// Exit 0 after a close request or the end of standard input, 2 for invalid input.
/// </summary>
public sealed class EnvServeCommand : Command<EnvServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario YAML file; its controllers are replaced by the agent (docs/rl.md)")]
        public string Scenario { get; init; } = string.Empty;

        [CommandOption("--envs <K>")]
        [Description("Environments to host, stepped together (default 1)")]
        public int? Envs { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Threads stepping them (default one per core; results do not depend on it)")]
        public int? Workers { get; init; }

        [CommandOption("--set <PATH=VALUE>")]
        [Description("Override a scenario key for every episode, e.g. duration_s=600 (repeatable)")]
        public string[] Set { get; init; } = [];

        [CommandOption("--socket <PATH>")]
        [Description("Serve on a Unix domain socket at PATH instead of standard input/output; its folder is created with mode 0700 or must have no group or other permissions")]
        public string? Socket { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (settings.Envs is < 1 or > 4096)
            problems.Add($"--envs: expected 1 to 4096 environments, got {settings.Envs}");
        if (settings.Workers is < 1)
            problems.Add($"--workers: expected at least 1, got {settings.Workers}");
        string? socketProblem = settings.Socket is { } s && !OperatingSystem.IsWindows() ? EnvSocket.Problem(s) : null;
        if (socketProblem is not null)
            problems.Add("--socket: " + socketProblem);
        if (problems.Count > 0)
            return Report.BadValues("env serve", problems);
        EnvironmentServer server;
        try
        {
            server = EnvCommands.Server(settings.Scenario, settings.Set, settings.Envs ?? 1, settings.Workers ?? 0);
        }
        catch (InvalidInputException e)
        {
            return Report.Invalid(e);
        }
        if (settings.Socket is null)
        {
            using Stream input = Console.OpenStandardInput();
            using Stream output = Console.OpenStandardOutput();
            server.Serve(input, output);
            return ExitCodes.Ok;
        }
        if (OperatingSystem.IsWindows())
            return Report.BadValue("env serve", "--socket: Unix domain sockets are served on Linux and macOS only; leave --socket out to serve on standard input/output");
        return ServeSocket(server, settings);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static int ServeSocket(EnvironmentServer server, Settings settings)
    {
        using var socket = new EnvSocket(settings.Socket!);
        Console.Out.WriteLine($"serving {server.Count} environments of {settings.Scenario} on {Path.GetFullPath(settings.Socket!)}");
        Console.Out.Flush();
        while (true)
        {
            using NetworkStream stream = socket.Accept();
            if (server.Serve(stream, stream) == EnvironmentServer.Ending.Closed)
                return ExitCodes.Ok;
        }
    }
}
