using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// One value as written in a DSS file: its text without the enclosing quotes, where it starts,
/// and the opening quote character (<c>[</c>, <c>(</c>, <c>"</c>, <c>'</c>, <c>{</c>) or <c>'\0'</c>
/// for a bare token. A value in <c>( )</c> is in-line RPN arithmetic when a number is expected.
/// </summary>
public readonly record struct DssValue(string Text, SourceLocation Location, char Quote)
{
    public bool IsQuoted => Quote != '\0';

    public override string ToString() => Quote switch
    {
        '\0' => Text,
        '[' => "[" + Text + "]",
        '(' => "(" + Text + ")",
        '{' => "{" + Text + "}",
        _ => Quote + Text + Quote,
    };
}
