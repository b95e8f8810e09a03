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

    public static double Double(DssValue value, string property)
    {
        string text = value.Text.Trim();
        if (value.Quote == '(')
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain))
                return plain;
            if (RpnCalculator.TryEvaluate(text, out double result, out string error))
                return result;
            throw new DssInputException(value.Location, $"{property}: cannot evaluate '{value}': {error}");
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            return number;
        throw new DssInputException(value.Location, $"{property}: expected a number, got '{value}'");
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
            if (!double.TryParse(items[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]))
                throw new DssInputException(value.Location, $"{property}: item {i + 1} of '{value}' is not a number ('{items[i]}')");
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
