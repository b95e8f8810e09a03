using System.Globalization;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// Typed reads of DSS values: numbers (with in-line RPN in parentheses), integers, yes/no,
/// arrays and lower-triangular or full matrices (rows separated by <c>|</c>). Every failure
/// throws <see cref="DssInputException"/> naming the property, the value and what was expected.
/// </summary>
internal static class DssValueReader
{
    private static readonly char[] Separators = [' ', '\t', ','];

    /// <summary>A finite number; NaN, infinities, literals that overflow (<c>1e999</c>) and RPN results such as <c>(1 0 /)</c> are errors.</summary>
    public static double Double(DssValue value, string property)
    {
        string text = value.Text.Trim();
        if (value.Quote == '(')
        {
            if (TryParse(text, out double plain))
                return Finite(plain, value, property);
            if (RpnCalculator.TryEvaluate(text, out double result, out string error))
                return Finite(result, value, property, $"'{value}' evaluates to {result}");
            throw new DssInputException(value.Location, $"{property}: cannot evaluate '{value}': {error}");
        }
        if (TryParse(text, out double number))
            return Finite(number, value, property);
        throw new DssInputException(value.Location, $"{property}: expected a number, got '{value}'");
    }

    /// <summary>A finite number &gt; 0; the message says what the value is and, when given, what OpenDSS would do with it.</summary>
    public static double Positive(DssValue value, string property, string what, string? openDss = null)
    {
        double d = Double(value, property);
        if (!(d > 0))
            throw new DssInputException(value.Location, $"{property}: {what} must be > 0, got '{value}'{(openDss is null ? string.Empty : "; " + openDss)}");
        return d;
    }

    /// <summary>A finite number &gt;= 0.</summary>
    public static double NonNegative(DssValue value, string property, string what, string? openDss = null)
    {
        double d = Double(value, property);
        if (!(d >= 0))
            throw new DssInputException(value.Location, $"{property}: {what} must be >= 0, got '{value}'{(openDss is null ? string.Empty : "; " + openDss)}");
        return d;
    }

    private static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static double Finite(double d, DssValue value, string property, string? what = null)
    {
        if (!double.IsFinite(d))
            throw new DssInputException(value.Location, $"{property}: expected a finite number, {(what is null ? $"got '{value}'" : "but " + what)}; OpenDSS would carry the NaN or infinity into the solution");
        return d;
    }

    public static int Int(DssValue value, string property)
    {
        double d = Double(value, property);
        if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue)
            throw new DssInputException(value.Location, $"{property}: expected a whole number, got '{value}'");
        return (int)d;
    }

    public static int PositiveInt(DssValue value, string property)
    {
        int n = Int(value, property);
        if (n < 1)
            throw new DssInputException(value.Location, $"{property}: expected a whole number >= 1, got '{value}'");
        return n;
    }

    public static bool YesNo(DssValue value, string property)
    {
        switch (value.Text.Trim().ToLowerInvariant())
        {
            case "y" or "yes" or "t" or "true":
                return true;
            case "n" or "no" or "f" or "false":
                return false;
            default:
                throw new DssInputException(value.Location, $"{property}: expected yes or no, got '{value}'");
        }
    }

    /// <summary>The items of an array value (separated by spaces or commas).</summary>
    public static string[] Strings(DssValue value) =>
        value.Text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    public static double[] Doubles(DssValue value, string property)
    {
        string[] items = Strings(value);
        var result = new double[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            if (!TryParse(items[i], out result[i]))
                throw new DssInputException(value.Location, $"{property}: item {i + 1} of '{value}' is not a number ('{items[i]}')");
            if (!double.IsFinite(result[i]))
                throw new DssInputException(value.Location, $"{property}: item {i + 1} of '{value}' is not a finite number ('{items[i]}'); OpenDSS would carry it into the solution");
        }
        return result;
    }

    /// <summary>
    /// A symmetric <paramref name="order"/> x <paramref name="order"/> matrix given as its lower triangle
    /// (n(n+1)/2 values) or in full (n^2 values), rows optionally separated by <c>|</c>.
    /// </summary>
    public static double[,] Matrix(DssValue value, string property, int order)
    {
        string[] rows = value.Text.Split('|');
        var numbers = new List<double>();
        var rowLengths = new List<int>();
        foreach (string row in rows)
        {
            double[] items = Doubles(new DssValue(row, value.Location, value.Quote), property);
            rowLengths.Add(items.Length);
            numbers.AddRange(items);
        }
        int lower = order * (order + 1) / 2;
        var m = new double[order, order];
        if (numbers.Count == lower && (rows.Length == 1 || IsTriangular(rowLengths)))
        {
            int k = 0;
            for (int i = 0; i < order; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    m[i, j] = numbers[k];
                    m[j, i] = numbers[k];
                    k++;
                }
            }
            return m;
        }
        if (numbers.Count == order * order)
        {
            for (int i = 0; i < order; i++)
                for (int j = 0; j < order; j++)
                    m[i, j] = numbers[i * order + j];
            return m;
        }
        throw new DssInputException(value.Location,
            $"{property}: {numbers.Count} values for a {order}x{order} matrix; expected {lower} (lower triangle) or {order * order} (full), " +
            $"for {order} phases");
    }

    private static bool IsTriangular(List<int> rowLengths)
    {
        for (int i = 0; i < rowLengths.Count; i++)
            if (rowLengths[i] != i + 1)
                return false;
        return true;
    }
}
