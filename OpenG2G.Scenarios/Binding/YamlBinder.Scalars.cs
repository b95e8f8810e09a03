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
        Error(scalar, path, $"expected {Describe(type)}, got '{text}'");
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

    private static bool TryParseDouble(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or "+.inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN":
                value = double.NaN;
                return true;
        }
        return double.TryParse(text, NumberStyles.Float, Inv, out value) && double.IsFinite(value);
    }
}
