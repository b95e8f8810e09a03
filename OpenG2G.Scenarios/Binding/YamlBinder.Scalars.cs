using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Binding;

public sealed partial class YamlBinder
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private object? BindScalar(YamlScalarNode scalar, Type type, string path)
    {
        string text = scalar.Value ?? string.Empty;
        if (TryParseScalar(text, type, out object? value))
            return value;
        bool number = type == typeof(double) || type == typeof(decimal);
        Error(scalar, path, number && IsNonFinite(text)
            ? $"expected a finite number, got '{text}' (NaN and infinities are not allowed)"
            : type == typeof(decimal) && double.TryParse(text, NumberStyles.Float, Inv, out _)
                ? $"expected a number of at most {decimal.MaxValue:E2} in size with at most 28 decimals, got '{text}'"
                : $"expected {Describe(type)}, got '{text}'");
        return null;
    }

    /// <summary>Parse YAML scalar text as <paramref name="type"/> (invariant culture; enums in snake_case).</summary>
    public static bool TryParseScalar(string text, Type type, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            value = text;
            return true;
        }
        if (type == typeof(double))
            return Boxed(TryParseDouble(text, out double d), d, out value);
        if (type == typeof(decimal))
            return Boxed(decimal.TryParse(text, NumberStyles.Float, Inv, out decimal m), m, out value);
        if (type == typeof(int))
            return Boxed(int.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out int i), i, out value);
        if (type == typeof(long))
            return Boxed(long.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out long l), l, out value);
        if (type == typeof(ulong))
            return Boxed(ulong.TryParse(text, NumberStyles.None, Inv, out ulong u), u, out value);
        if (type == typeof(bool))
        {
            if (text is "true" or "True" or "TRUE")
                value = true;
            else if (text is "false" or "False" or "FALSE")
                value = false;
            return value is not null;
        }
        if (type.IsEnum)
        {
            string[] names = Enum.GetNames(type);
            foreach (string name in names)
            {
                if (string.Equals(NameCase.ToSnake(name), text, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                {
                    value = Enum.Parse(type, name);
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static bool Boxed<T>(bool parsed, T parsedValue, out object? value)
    {
        value = parsed ? parsedValue : null;
        return parsed;
    }

    /// <summary>A finite number: YAML's <c>.nan</c>/<c>.inf</c>, .NET's <c>NaN</c>/<c>Infinity</c> and overflowing literals (<c>1e999</c>) are not.</summary>
    private static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, Inv, out value) && double.IsFinite(value);

    /// <summary>Text that names (or overflows to) a non-finite number.</summary>
    private static bool IsNonFinite(string text) =>
        text.TrimStart('+', '-').ToLowerInvariant() is ".nan" or ".inf" or "nan" or "inf" or "infinity" or "∞"
        || (double.TryParse(text, NumberStyles.Float, Inv, out double d) && !double.IsFinite(d));
}
