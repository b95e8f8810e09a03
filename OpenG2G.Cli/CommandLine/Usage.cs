namespace OpenG2G.Cli.CommandLine;

/// <summary>Usage lines: <c>usage: openg2g run &lt;SCENARIO&gt; [--out &lt;DIR&gt;] ...</c>, built from the verb's settings.</summary>
internal static class Usage
{
    public static string Line(Verb? verb, string? branch = null)
    {
        if (verb is not null)
        {
            VerbSyntax s = verb.Syntax;
            IEnumerable<string> parts = s.Arguments.Select(a => a.Usage).Concat(s.Options.Select(o => o.Usage));
            return $"usage: openg2g {verb.FullName} {string.Join(' ', parts)}".TrimEnd();
        }
        if (branch is not null)
            return $"usage: openg2g {branch} <{string.Join('|', Verbs.InBranch(branch).Select(v => v.Name))}> ... (openg2g help {branch} VERB for its options)";
        return $"usage: openg2g [--version] [--debug] <{string.Join('|', Verbs.FirstWords)}> ... (openg2g help VERB for its options)";
    }
}
