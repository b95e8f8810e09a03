using System.Text;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// Blanks comments (<c>!</c> and <c>//</c> to the end of the line, <c>/* ... */</c> across lines)
/// with spaces so that line and column numbers of the remaining text are unchanged.
/// </summary>
internal sealed class DssCommentStripper
{
    private bool _inBlock;

    /// <summary>True while inside an unterminated <c>/* ... */</c> block.</summary>
    public bool InBlockComment => _inBlock;

    public string Strip(string line)
    {
        var sb = new StringBuilder(line);
        char quote = '\0';
        for (int i = 0; i < sb.Length; i++)
        {
            char c = sb[i];
            if (_inBlock)
            {
                if (c == '*' && i + 1 < sb.Length && sb[i + 1] == '/')
                {
                    _inBlock = false;
                    sb[i] = ' ';
                    sb[i + 1] = ' ';
                    i++;
                }
                else
                {
                    sb[i] = ' ';
                }
                continue;
            }
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                continue;
            }
            bool lineComment = c == '!' || (c == '/' && i + 1 < sb.Length && sb[i + 1] == '/');
            if (lineComment)
            {
                for (int j = i; j < sb.Length; j++)
                    sb[j] = ' ';
                break;
            }
            if (c == '/' && i + 1 < sb.Length && sb[i + 1] == '*')
            {
                _inBlock = true;
                sb[i] = ' ';
                sb[i + 1] = ' ';
                i++;
            }
        }
        return sb.ToString();
    }
}
