using OpenG2G.Scenarios.Binding;

namespace OpenG2G.Cli.CommandLine;

/// <summary>
/// Checks a command line against the verb table before Spectre sees it, so that every mistake (an
/// unknown verb or option, a missing or malformed value, a missing or extra argument) becomes one
/// <see cref="UsageError"/> with a "did you mean" or the valid form, never an exception. A line that
/// passes is handed to Spectre with every option as <c>--name=value</c>, so that values starting with
/// <c>-</c> reach the verb as values.
/// </summary>
internal static class CommandLineCheck
{
    /// <summary>The verb and the normalised arguments for Spectre, or the error.</summary>
    internal sealed record Result(Verb? Verb, IReadOnlyList<string> Arguments, UsageError? Error);

    private static readonly string[] HelpWords = ["-h", "--help", "-?"];

    public static Result Check(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || HelpWords.Contains(args[0]))
            return new Result(null, args, null);
        string first = args[0];
        if (first.StartsWith('-'))
            return Fail(UnknownOption(first, ["--help", "--version", "--debug"], "openg2g takes"), null);
        // sweep-merge and sweep-plot are typed as "sweep merge" / "sweep plot" (Program.Rewrite); not listed, but known.
        if (!Verbs.FirstWords.Contains(first) && Verbs.Find(first) is null)
            return Fail(UnknownWord($"unknown command '{first}'", first, Verbs.FirstWords, "commands"), null);
        Verb? verb = Verbs.Find(first);
        int start = 1;
        if (verb is null)
        {
            // A branch (traces): the next word names the verb.
            var names = Verbs.InBranch(first).Select(v => v.Name).ToList();
            if (args.Count == 1)
                return new Result(null, args, new UsageError($"missing command: one of {string.Join(", ", names)}", null, first));
            if (HelpWords.Contains(args[1]))
                return new Result(null, args, null);
            verb = Verbs.Find(args[1], first);
            if (verb is null)
                return new Result(null, args, new UsageError(UnknownWord($"unknown command '{args[1]}'", args[1], names, "commands"), null, first));
            start = 2;
        }
        return CheckVerb(verb, args, start);
    }

    private static Result CheckVerb(Verb verb, IReadOnlyList<string> args, int start)
    {
        VerbSyntax syntax = verb.Syntax;
        var output = new List<string>(args.Take(start));
        var positional = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = start; i < args.Count; i++)
        {
            string a = args[i];
            if (HelpWords.Contains(a))
                return new Result(verb, [.. args.Take(start), "--help"], null);
            if (a == "-")
                return Fail(Dash(syntax.Arguments.Count > positional.Count ? "<" + syntax.Arguments[positional.Count].ValueName + ">" : "an argument"), verb);
            if (!a.StartsWith('-') || a.Length == 1)
            {
                positional.Add(a);
                continue;
            }
            if (a == "--")
                return Fail("'--' is not used by openg2g; write each argument as it is", verb);
            string name = a.StartsWith("--", StringComparison.Ordinal) ? a[2..] : a[1..];
            string? inline = null;
            int eq = name.IndexOf('=');
            if (eq >= 0)
                (name, inline) = (name[..eq], name[(eq + 1)..]);
            OptionSyntax? option = syntax.Option(name);
            if (option is null || !a.StartsWith("--", StringComparison.Ordinal))
                return Fail(UnknownOption(a[..(eq >= 0 ? a.IndexOf('=') : a.Length)], syntax.Options.Select(o => "--" + o.LongName), $"{verb.FullName} takes"), verb);
            if (!seen.Add(option.LongName) && !option.Repeatable)
                return Fail($"--{option.LongName} is given twice; give it once", verb);
            if (option.IsFlag)
            {
                if (inline is not null)
                    return Fail($"--{option.LongName} is a switch and takes no value, got '{inline}'", verb);
                output.Add("--" + option.LongName);
                continue;
            }
            string? value = inline ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
                return Fail($"--{option.LongName} needs a value: --{option.LongName} <{option.ValueName}>", verb);
            if (OptionValues.Problem(option, value) is string problem)
                return Fail(problem, verb);
            output.Add($"--{option.LongName}={value}");
        }
        if (CheckPositional(syntax, positional) is string error)
            return Fail(error, verb);
        if (syntax.Options.FirstOrDefault(o => o.Required && !seen.Contains(o.LongName)) is { } missing)
            return Fail($"missing --{missing.LongName} <{missing.ValueName}>: {LowerFirst(missing.Description)}", verb);
        output.AddRange(positional);
        return new Result(verb, output, null);
    }

    private static string? CheckPositional(VerbSyntax syntax, List<string> given)
    {
        IReadOnlyList<ArgumentSyntax> expected = syntax.Arguments;
        bool many = expected.Count > 0 && expected[^1].Many;
        if (given.Count > expected.Count && !many)
        {
            string takes = expected.Count == 0
                ? "it takes no arguments, only options"
                : $"it takes {string.Join(" ", expected.Select(a => a.Usage))}";
            return $"unexpected argument '{given[expected.Count]}'; {takes}";
        }
        for (int k = given.Count; k < expected.Count; k++)
        {
            if (expected[k].Required)
                return $"missing <{expected[k].ValueName}>: {LowerFirst(expected[k].Description)}";
        }
        foreach (string g in given)
        {
            if (g.Length == 0)
                return "an argument is empty ('')";
        }
        return null;
    }

    /// <summary>"Scenario YAML file" reads "scenario YAML file" mid-sentence; a name such as "OpenDSS" keeps its case.</summary>
    private static string LowerFirst(string text)
    {
        string word = text.Split(' ')[0];
        return word.Length > 1 && char.IsUpper(word[0]) && !word[1..].Any(char.IsUpper) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static Result Fail(string message, Verb? verb) => new(verb, [], new UsageError(message, verb));

    private static string Dash(string what) =>
        $"'-' (standard input or output) is not supported for {what}; give a path";

    private static string UnknownOption(string given, IEnumerable<string> known, string takes)
    {
        var list = known.ToList();
        string? suggestion = DidYouMean.Closest(given.StartsWith("--", StringComparison.Ordinal) ? given : "-" + given, list);
        return suggestion is not null
            ? $"unknown option '{given}'; did you mean '{suggestion}'?"
            : $"unknown option '{given}'; {takes} {(list.Count == 0 ? "no options" : string.Join(", ", list))}";
    }

    private static string UnknownWord(string what, string given, IReadOnlyList<string> known, string kind)
    {
        string? suggestion = DidYouMean.Closest(given, known);
        return suggestion is not null
            ? $"{what}; did you mean '{suggestion}'?"
            : $"{what}; {kind}: {string.Join(", ", known)}";
    }
}
