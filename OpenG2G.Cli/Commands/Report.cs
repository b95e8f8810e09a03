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
