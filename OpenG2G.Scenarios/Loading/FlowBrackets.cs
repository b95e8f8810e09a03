namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// Finds the innermost YAML flow bracket (<c>{</c> or <c>[</c>) still open at a position of the text, for
/// messages about a parse that failed there. Skips quoted strings and comments; good enough for error
/// reporting (block scalars holding brackets can mislead it; the message then still names where parsing stopped).
/// </summary>
internal static class FlowBrackets
{
    /// <summary>The bracket and its 1-based line and column, or null when none is open before (<paramref name="line"/>, <paramref name="column"/>).</summary>
    public static (char Bracket, int Line, int Column)? OpenAt(string text, int line, int column)
    {
        var open = new Stack<(char, int, int)>();
        string[] lines = text.Split('\n');
        for (int l = 0; l < lines.Length && l < line; l++)
        {
            string s = lines[l];
            int end = l == line - 1 ? Math.Min(s.Length, Math.Max(0, column - 1)) : s.Length;
            char quote = '\0';
            for (int c = 0; c < end; c++)
            {
                char ch = s[c];
                if (quote != '\0')
                {
                    if (ch == quote)
                        quote = '\0';
                    continue;
                }
                if (ch == '#' && (c == 0 || char.IsWhiteSpace(s[c - 1])))
                    break;
                if (ch is '"' or '\'' && (c == 0 || s[c - 1] is ' ' or '[' or '{' or ',' or ':'))
                    quote = ch;
                else if (ch is '{' or '[')
                    open.Push((ch, l + 1, c + 1));
                else if (ch is '}' or ']' && open.Count > 0)
                    open.Pop();
            }
        }
        return open.Count > 0 ? open.Peek() : null;
    }
}
