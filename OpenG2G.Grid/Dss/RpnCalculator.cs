using System.Globalization;

namespace OpenG2G.Grid.Dss;

/// <summary>
/// OpenDSS's in-line reverse Polish arithmetic, e.g. <c>(8 1000 /)</c> = 0.008: numbers are pushed,
/// operators <c>+ - * / ^</c> pop two and push the result; functions <c>sqrt sqr inv ln exp log10
/// sin cos tan asin acos atan</c> (degrees), <c>pi</c> and <c>atan2</c> are also understood.
/// </summary>
internal static class RpnCalculator
{
    /// <summary>Evaluate <paramref name="expression"/>; returns false with a reason when it is not valid RPN.</summary>
    public static bool TryEvaluate(string expression, out double result, out string error)
    {
        var stack = new Stack<double>();
        result = double.NaN;
        error = string.Empty;
        foreach (string token in expression.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                stack.Push(number);
                continue;
            }
            string op = token.ToLowerInvariant();
            int needed = op switch
            {
                "+" or "-" or "*" or "/" or "^" or "atan2" => 2,
                "sqrt" or "sqr" or "inv" or "ln" or "exp" or "log10" or "sin" or "cos" or "tan" or "asin" or "acos" or "atan" => 1,
                "pi" => 0,
                _ => -1,
            };
            if (needed < 0)
            {
                error = $"'{token}' is neither a number nor an RPN operator";
                return false;
            }
            if (stack.Count < needed)
            {
                error = $"RPN operator '{token}' needs {needed} operand(s) on the stack, found {stack.Count}";
                return false;
            }
            const double Deg = Math.PI / 180.0;
            switch (op)
            {
                case "pi": stack.Push(Math.PI); break;
                case "+": { double b = stack.Pop(), a = stack.Pop(); stack.Push(a + b); break; }
                case "-": { double b = stack.Pop(), a = stack.Pop(); stack.Push(a - b); break; }
                case "*": { double b = stack.Pop(), a = stack.Pop(); stack.Push(a * b); break; }
                case "/": { double b = stack.Pop(), a = stack.Pop(); stack.Push(a / b); break; }
                case "^": { double b = stack.Pop(), a = stack.Pop(); stack.Push(Math.Pow(a, b)); break; }
                case "atan2": { double x = stack.Pop(), y = stack.Pop(); stack.Push(Math.Atan2(y, x) / Deg); break; }
                case "sqrt": stack.Push(Math.Sqrt(stack.Pop())); break;
                case "sqr": { double a = stack.Pop(); stack.Push(a * a); break; }
                case "inv": stack.Push(1.0 / stack.Pop()); break;
                case "ln": stack.Push(Math.Log(stack.Pop())); break;
                case "exp": stack.Push(Math.Exp(stack.Pop())); break;
                case "log10": stack.Push(Math.Log10(stack.Pop())); break;
                case "sin": stack.Push(Math.Sin(stack.Pop() * Deg)); break;
                case "cos": stack.Push(Math.Cos(stack.Pop() * Deg)); break;
                case "tan": stack.Push(Math.Tan(stack.Pop() * Deg)); break;
                case "asin": stack.Push(Math.Asin(stack.Pop()) / Deg); break;
                case "acos": stack.Push(Math.Acos(stack.Pop()) / Deg); break;
                case "atan": stack.Push(Math.Atan(stack.Pop()) / Deg); break;
            }
        }
        if (stack.Count != 1)
        {
            error = $"RPN expression leaves {stack.Count} values on the stack; expected exactly 1";
            return false;
        }
        result = stack.Pop();
        return true;
    }
}
