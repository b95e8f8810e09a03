using OpenG2G.Cli.CommandLine;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Cli.Commands;

/// <summary>How verbs report invalid input and failures on stderr.</summary>
internal static class Report
{
    /// <summary>One line per error, <c>file:line:column: path: message</c>; returns exit code 2.</summary>
    public static int Invalid(InvalidInputException e)
    {
        foreach (Diagnostic d in e.Errors)
            Console.Error.WriteLine(d.ToString());
        return ExitCodes.InvalidInput;
    }

    /// <summary>
    /// An option value the verb refuses (out of range, unknown keyword): one line saying what, then the
    /// verb's usage line, as for every command-line mistake; returns exit code 2.
    /// </summary>
    public static int BadValue(string verb, string message) => BadValues(verb, [message]);

    /// <summary>Several refused option values: one line each, then the verb's usage line; returns exit code 2.</summary>
    public static int BadValues(string verb, IReadOnlyList<string> messages)
    {
        string[] words = verb.Split(' ');
        Verb? v = words.Length == 2 ? Verbs.Find(words[1], words[0]) : Verbs.Find(verb);
        foreach (string m in messages)
            Console.Error.WriteLine(new UsageError(m, v).Lines[0]);
        Console.Error.WriteLine(Usage.Line(v));
        return ExitCodes.InvalidInput;
    }

    /// <summary>The failure's message (it names time and component), its causes; returns exit code 1.</summary>
    public static int Failed(Exception e, string? outputDirectory)
    {
        Console.Error.WriteLine((e is Core.Diagnostics.SimulationException ? "simulation failed: " : "run failed: ") + e.Message);
        for (Exception? inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner.Message != e.Message && !e.Message.Contains(inner.Message, StringComparison.Ordinal))
                Console.Error.WriteLine("  cause: " + inner.Message);
        }
        if (outputDirectory is not null)
            Console.Error.WriteLine($"partial results (summary marked failed): {outputDirectory}");
        return ExitCodes.Failure;
    }
}
