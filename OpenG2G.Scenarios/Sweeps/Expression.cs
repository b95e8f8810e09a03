using System.Globalization;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// An arithmetic expression of named values, for derived sweep parameters: numbers, names, + - * / ^ (power,
/// right-associative), unary minus, parentheses and the functions ceil, floor, round (half away from zero), abs,
/// sqrt, exp, log (natural), log2, log10, min and max; -2 ^ 2 is -4 and 2 ^ -1 is 0.5. Parsed once; evaluated per run.
/// </summary>
public sealed class Expression
{
    private readonly Node _root;

    private Expression(Node root, IReadOnlyList<string> names)
    {
        _root = root;
        Names = names;
    }

    /// <summary>Names the expression reads, in order of first use.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Parse <paramref name="text"/>; throws <see cref="FormatException"/> naming the 1-based column of the problem.</summary>
    public static Expression Parse(string text)
    {
        var parser = new Parser(text);
        Node root = parser.ParseAll();
        return new Expression(root, parser.Names);
    }

    /// <summary>The value with names bound by <paramref name="lookup"/> (which throws for an unknown or non-numeric name).</summary>
    public double Evaluate(Func<string, double> lookup) => _root.Evaluate(lookup);

    private abstract record Node
    {
        public abstract double Evaluate(Func<string, double> lookup);
    }

    private sealed record Constant(double Value) : Node
    {
        public override double Evaluate(Func<string, double> lookup) => Value;
    }

    private sealed record Name(string Id) : Node
    {
        public override double Evaluate(Func<string, double> lookup) => lookup(Id);
    }

    private sealed record Unary(Node Operand) : Node
    {
        public override double Evaluate(Func<string, double> lookup) => -Operand.Evaluate(lookup);
    }

    private sealed record Binary(char Op, Node Left, Node Right) : Node
    {
        public override double Evaluate(Func<string, double> lookup)
        {
            double a = Left.Evaluate(lookup), b = Right.Evaluate(lookup);
            return Op switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                '/' => a / b,
                _ => Math.Pow(a, b),
            };
        }
    }

    private sealed record Call(string Function, IReadOnlyList<Node> Arguments) : Node
    {
        public override double Evaluate(Func<string, double> lookup)
        {
            double[] x = Arguments.Select(a => a.Evaluate(lookup)).ToArray();
            return Function switch
            {
                "ceil" => Math.Ceiling(x[0]),
                "floor" => Math.Floor(x[0]),
                "round" => Math.Round(x[0], MidpointRounding.AwayFromZero),
                "abs" => Math.Abs(x[0]),
                "sqrt" => Math.Sqrt(x[0]),
                "exp" => Math.Exp(x[0]),
                "log" => Math.Log(x[0]),
                "log2" => Math.Log2(x[0]),
                "log10" => Math.Log10(x[0]),
                "min" => x.Min(),
                _ => x.Max(),
            };
        }
    }

    /// <summary>Recursive descent: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*; unary := '-' unary | power; power := atom ('^' unary)?.</summary>
    private sealed class Parser(string text)
    {
        private static readonly Dictionary<string, int> Arity = new(StringComparer.Ordinal)
        {
            ["ceil"] = 1, ["floor"] = 1, ["round"] = 1, ["abs"] = 1, ["sqrt"] = 1, ["exp"] = 1, ["log"] = 1, ["log2"] = 1, ["log10"] = 1,
            ["min"] = -1, ["max"] = -1,
        };

        private int _at;

        public List<string> Names { get; } = new();

        public Node ParseAll()
        {
            Node n = Sum();
            Skip();
            if (_at < text.Length)
                throw Fail($"unexpected '{text[_at]}'");
            return n;
        }

        private Node Sum()
        {
            Node left = Product();
            while (Peek() is '+' or '-')
            {
                char op = text[_at++];
                left = new Binary(op, left, Product());
            }
            return left;
        }

        private Node Product()
        {
            Node left = UnaryMinus();
            while (Peek() is '*' or '/')
            {
                char op = text[_at++];
                left = new Binary(op, left, UnaryMinus());
            }
            return left;
        }

        private Node UnaryMinus()
        {
            if (Peek() == '-')
            {
                _at++;
                return new Unary(UnaryMinus());
            }
            return Power();
        }

        private Node Power()
        {
            Node b = Atom();
            if (Peek() != '^')
                return b;
            _at++;
            return new Binary('^', b, UnaryMinus());
        }

        private Node Atom()
        {
            char c = Peek();
            if (c == '(')
            {
                _at++;
                Node inner = Sum();
                Expect(')');
                return inner;
            }
            if (char.IsDigit(c) || c == '.')
                return Number();
            if (char.IsLetter(c) || c == '_')
                return NameOrCall();
            throw Fail(_at >= text.Length ? "the expression ends too early" : $"unexpected '{c}'");
        }

        private Node Number()
        {
            int start = _at;
            while (_at < text.Length && (char.IsDigit(text[_at]) || text[_at] == '.' || ((text[_at] is 'e' or 'E') && _at + 1 < text.Length)
                || ((text[_at] is '+' or '-') && _at > start && text[_at - 1] is 'e' or 'E')))
                _at++;
            if (!double.TryParse(text.AsSpan(start, _at - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                throw Fail($"'{text[start.._at]}' is not a number", start);
            return new Constant(v);
        }

        private Node NameOrCall()
        {
            int start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_'))
                _at++;
            string id = text[start.._at];
            if (Peek() != '(')
            {
                if (!Names.Contains(id))
                    Names.Add(id);
                return new Name(id);
            }
            if (!Arity.TryGetValue(id, out int arity))
                throw Fail($"unknown function '{id}' (functions: {string.Join(", ", Arity.Keys)})", start);
            _at++;
            var args = new List<Node> { Sum() };
            while (Peek() == ',')
            {
                _at++;
                args.Add(Sum());
            }
            Expect(')');
            if (arity > 0 && args.Count != arity)
                throw Fail($"{id} takes {arity} argument, got {args.Count}", start);
            return new Call(id, args);
        }

        private void Expect(char c)
        {
            if (Peek() != c)
                throw Fail($"expected '{c}'");
            _at++;
        }

        private char Peek()
        {
            Skip();
            return _at < text.Length ? text[_at] : '\0';
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
                _at++;
        }

        private FormatException Fail(string message, int? at = null) =>
            new($"column {(at ?? _at) + 1} of '{text}': {message}");
    }
}
