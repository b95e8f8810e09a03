using System.Collections.Immutable;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// Splits one line of DSS text (comments already blanked) into a verb and parameters. Tokens are
/// separated by white space or commas; <c>name = value</c> may have spaces around <c>=</c>; values
/// may be enclosed in <c>[ ]</c>, <c>( )</c>, <c>{ }</c>, <c>" "</c> or <c>' '</c>.
/// </summary>
internal static class DssLineLexer
{
    /// <summary>
    /// Lex <paramref name="text"/> (line <paramref name="line"/> of <paramref name="file"/>). Returns null for a
    /// blank line. Problems are added to <paramref name="diagnostics"/>; a line with a problem yields null.
    /// </summary>
    public static DssCommand? Lex(string text, string file, int line, ImmutableArray<SourceLocation> includedFrom, List<Diagnostic> diagnostics)
    {
        int p = SkipSeparators(text, 0);
        if (p >= text.Length)
            return null;
        SourceLocation At(int index) => new(file, line, index + 1);
        string suffix = includedFrom.IsDefaultOrEmpty ? string.Empty : new DssCommand("", default, [], includedFrom).IncludeSuffix;

        var parameters = ImmutableArray.CreateBuilder<DssParameter>();
        string verb;
        var verbLocation = At(p);
        if (text[p] == '~')
        {
            verb = "~";
            p++;
        }
        else
        {
            int start = p;
            p = ReadWord(text, p);
            string word = text[start..p];
            int afterSpaces = SkipSpaces(text, p);
            if (afterSpaces < text.Length && text[afterSpaces] == '=')
            {
                // Implicit edit: "Load.s860.vminpu=.85" or an option line "name=value".
                verb = string.Empty;
                p = start;
            }
            else
            {
                verb = word;
            }
        }

        while (true)
        {
            p = SkipSeparators(text, p);
            if (p >= text.Length)
                break;
            int nameStart = p;
            if (IsOpener(text[p]))
            {
                if (!TryReadValue(text, ref p, At, out var positional, out string? error))
                {
                    diagnostics.Add(Diagnostic.Error(At(nameStart), string.Empty, error! + suffix));
                    return null;
                }
                parameters.Add(new DssParameter(string.Empty, At(nameStart), positional));
                continue;
            }
            p = ReadWord(text, p);
            string name = text[nameStart..p];
            int q = SkipSpaces(text, p);
            if (q < text.Length && text[q] == '=')
            {
                if (name.Length == 0)
                {
                    diagnostics.Add(Diagnostic.Error(At(q), string.Empty, "'=' without a property name before it" + suffix));
                    return null;
                }
                q = SkipSpaces(text, q + 1);
                if (q >= text.Length || text[q] == ',')
                {
                    diagnostics.Add(Diagnostic.Error(At(nameStart), string.Empty, $"property '{name}' has no value after '='" + suffix));
                    return null;
                }
                p = q;
                if (!TryReadValue(text, ref p, At, out var value, out string? error))
                {
                    diagnostics.Add(Diagnostic.Error(At(q), string.Empty, error! + suffix));
                    return null;
                }
                parameters.Add(new DssParameter(name, At(nameStart), value));
            }
            else
            {
                parameters.Add(new DssParameter(string.Empty, At(nameStart), new DssValue(name, At(nameStart), '\0')));
            }
        }
        return new DssCommand(verb, verbLocation, parameters.ToImmutable(), includedFrom);
    }

    private static bool IsOpener(char c) => c is '[' or '(' or '{' or '"' or '\'';

    private static char CloserOf(char c) => c switch
    {
        '[' => ']',
        '(' => ')',
        '{' => '}',
        _ => c,
    };

    private static bool TryReadValue(string text, ref int p, Func<int, SourceLocation> at, out DssValue value, out string? error)
    {
        error = null;
        char c = text[p];
        if (!IsOpener(c))
        {
            int start = p;
            while (p < text.Length && !char.IsWhiteSpace(text[p]) && text[p] != ',')
                p++;
            value = new DssValue(text[start..p], at(start), '\0');
            return true;
        }
        char closer = CloserOf(c);
        int depth = 1;
        int i = p + 1;
        for (; i < text.Length; i++)
        {
            if (closer != c && text[i] == c)
                depth++;
            else if (text[i] == closer && --depth == 0)
                break;
        }
        if (i >= text.Length)
        {
            value = default;
            error = $"'{c}' is not closed on this line; expected '{closer}'";
            return false;
        }
        value = new DssValue(text[(p + 1)..i], at(p), c);
        p = i + 1;
        return true;
    }

    private static int ReadWord(string text, int p)
    {
        while (p < text.Length && !char.IsWhiteSpace(text[p]) && text[p] != ',' && text[p] != '=')
            p++;
        return p;
    }

    private static int SkipSpaces(string text, int p)
    {
        while (p < text.Length && char.IsWhiteSpace(text[p]))
            p++;
        return p;
    }

    private static int SkipSeparators(string text, int p)
    {
        while (p < text.Length && (char.IsWhiteSpace(text[p]) || text[p] == ','))
            p++;
        return p;
    }
}
