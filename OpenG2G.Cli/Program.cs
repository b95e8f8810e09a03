using OpenG2G.Cli.CommandLine;
using OpenG2G.Scenarios.Running;
using Spectre.Console.Cli;

namespace OpenG2G.Cli;

/// <summary>
/// The <c>openg2g</c> console runner: thin verbs over the libraries. Every command line is checked
/// first (<see cref="CommandLineCheck"/>); a malformed one prints what is wrong and the verb's usage
/// and exits 2. No stack trace reaches the user unless <c>--debug</c> is given.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool debug = args.Contains("--debug");
        string[] rest = args.Where(a => a != "--debug").ToArray();
        if (rest is ["--version"] or ["-V"])
        {
            Console.Out.WriteLine("openg2g " + ScenarioRunner.Version);
            return ExitCodes.Ok;
        }
        using var interruption = new Interruption();
        CommandLineCheck.Result check = CommandLineCheck.Check(HelpVerb.Rewrite(Rewrite(rest)));
        if (check.Error is not null)
            return PrintUsageError(check.Error);
        // run and sweep stop at the next instant and keep what finished; other verbs stop at once.
        interruption.Graceful = check.Verb?.Name is "run" or "sweep";
        try
        {
            return BuildApp().Run(check.Arguments, interruption.Token);
        }
        catch (CommandAppException e)
        {
            return PrintUsageError(new UsageError(e.Message, check.Verb));
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"openg2g: internal error: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine(debug ? e.ToString() : "(this is a bug; run again with --debug for the stack trace and report it)");
            return ExitCodes.Failure;
        }
    }

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
            config.UseStrictParsing();
            Verbs.Register(config);
        });
        return app;
    }

    private static int PrintUsageError(UsageError error)
    {
        foreach (string line in error.Lines)
            Console.Error.WriteLine(line);
        return ExitCodes.InvalidInput;
    }
}
