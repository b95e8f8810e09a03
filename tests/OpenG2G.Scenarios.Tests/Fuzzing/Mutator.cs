using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenG2G.Scenarios.Tests.Fuzzing;

/// <summary>
/// Damages an input file the ways people and tools do: flipped bytes, a cut-off end, swapped tokens,
/// deleted or doubled lines, stray brackets and quotes, huge and non-finite numbers. Deterministic for a
/// given <see cref="Random"/>; each mutation is described so that a failing case can be read.
/// </summary>
public static partial class Mutator
{
    private static readonly string[] HugeNumbers = ["1e308", "1e999", "-1e999", "1e-320", "9999999999999999999999", "-9223372036854775809", "2147483648", "0", "-0", "-1"];
    private static readonly string[] NonFinite = [".nan", ".inf", "-.inf", "NaN", "Infinity", "-Infinity", "nan", "inf", "(1 0 /)", "(0 0 /)"];
    private static readonly string[] Stray = ["{", "}", "[", "]", "\"", "'", ":", "- ", "~", "|", ">", "#", "&a ", "*a", "!!int ", "\t", ",", "=", "(", ")", "\u0000", "\uFFFD"];

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    /// <summary>Apply one to three mutations to <paramref name="text"/>.</summary>
    public static (string Text, string Description) Mutate(string text, Random random)
    {
        int count = random.Next(1, 4);
        var described = new List<string>();
        for (int i = 0; i < count; i++)
        {
            (text, string what) = random.Next(8) switch
            {
                0 => FlipByte(text, random),
                1 => Truncate(text, random),
                2 => SwapTokens(text, random),
                3 => DeleteLine(text, random),
                4 => DuplicateLine(text, random),
                5 => Insert(text, random, Stray[random.Next(Stray.Length)], "stray"),
                6 => ReplaceNumber(text, random, HugeNumbers),
                _ => ReplaceNumber(text, random, NonFinite),
            };
            described.Add(what);
        }
        return (text, string.Join("; ", described));
    }

    private static (string, string) FlipByte(string text, Random r)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length == 0)
            return (text, "flip: empty");
        int at = r.Next(bytes.Length);
        byte value = (byte)r.Next(256);
        bytes[at] = value;
        return (Encoding.UTF8.GetString(bytes), string.Create(CultureInfo.InvariantCulture, $"byte {at} := 0x{value:x2}"));
    }

    private static (string, string) Truncate(string text, Random r)
    {
        int at = r.Next(text.Length + 1);
        return (text[..at], string.Create(CultureInfo.InvariantCulture, $"truncated at {at}"));
    }

    private static (string, string) SwapTokens(string text, Random r)
    {
        var tokens = Token().Matches(text);
        if (tokens.Count < 2)
            return (text, "swap: too few tokens");
        Match a = tokens[r.Next(tokens.Count)], b = tokens[r.Next(tokens.Count)];
        if (a.Index > b.Index)
            (a, b) = (b, a);
        if (a.Index == b.Index)
            return (text, "swap: same token");
        string swapped = text[..a.Index] + b.Value + text[(a.Index + a.Length)..b.Index] + a.Value + text[(b.Index + b.Length)..];
        return (swapped, $"swapped '{a.Value}' and '{b.Value}'");
    }

    private static (string, string) DeleteLine(string text, Random r)
    {
        var lines = text.Split('\n').ToList();
        int at = r.Next(lines.Count);
        lines.RemoveAt(at);
        return (string.Join('\n', lines), string.Create(CultureInfo.InvariantCulture, $"deleted line {at + 1}"));
    }

    private static (string, string) DuplicateLine(string text, Random r)
    {
        var lines = text.Split('\n').ToList();
        int at = r.Next(lines.Count);
        lines.Insert(at, lines[at]);
        return (string.Join('\n', lines), string.Create(CultureInfo.InvariantCulture, $"doubled line {at + 1}"));
    }

    private static (string, string) Insert(string text, Random r, string what, string kind)
    {
        int at = r.Next(text.Length + 1);
        return (text[..at] + what + text[at..], string.Create(CultureInfo.InvariantCulture, $"{kind} '{what}' at {at}"));
    }

    private static (string, string) ReplaceNumber(string text, Random r, string[] choices)
    {
        var numbers = Number().Matches(text);
        if (numbers.Count == 0)
            return Insert(text, r, choices[r.Next(choices.Length)], "number");
        Match m = numbers[r.Next(numbers.Count)];
        string by = choices[r.Next(choices.Length)];
        return (text[..m.Index] + by + text[(m.Index + m.Length)..], string.Create(CultureInfo.InvariantCulture, $"'{m.Value}' at {m.Index} := '{by}'"));
    }
}
