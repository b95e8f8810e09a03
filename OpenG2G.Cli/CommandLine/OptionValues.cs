using System.Globalization;

namespace OpenG2G.Cli.CommandLine;

/// <summary>Whether an option's value converts to the option's type; the message says what was expected.</summary>
internal static class OptionValues
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Null when <paramref name="value"/> fits <paramref name="option"/>, else the problem.</summary>
    public static string? Problem(OptionSyntax option, string value)
    {
        string name = "--" + option.LongName;
        Type t = option.ValueType;
        if (value == "-")
            return $"{name}: '-' (standard input or output) is not supported; give <{option.ValueName}>";
        if (value.Length == 0)
            return $"{name}: expected <{option.ValueName}>, got an empty value";
        if (t == typeof(ulong) && !ulong.TryParse(value, NumberStyles.None, Inv, out _))
            return $"{name}: expected a whole number from 0 to {ulong.MaxValue}, got '{value}'";
        if (t == typeof(int) && !int.TryParse(value, NumberStyles.AllowLeadingSign, Inv, out _))
            return $"{name}: expected a whole number, got '{value}'";
        if (t == typeof(double) && !(double.TryParse(value, NumberStyles.Float, Inv, out double d) && double.IsFinite(d)))
            return $"{name}: expected a finite number, got '{value}'";
        return null;
    }
}
