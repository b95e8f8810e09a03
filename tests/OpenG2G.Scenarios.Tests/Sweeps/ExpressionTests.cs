using OpenG2G.Scenarios.Sweeps;

namespace OpenG2G.Scenarios.Tests.Sweeps;

public class ExpressionTests
{
    private static double Eval(string text, params (string Name, double Value)[] names) =>
        Expression.Parse(text).Evaluate(n => names.Single(x => x.Name == n).Value);

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("2 ^ 3 ^ 2", 512)] // right-associative: 2^(3^2)
    [InlineData("-2 ^ 2", -4)] // ^ binds tighter than unary minus: -(2^2)
    [InlineData("2 ^ -1", 0.5)]
    [InlineData("10 / 4 - 1", 1.5)]
    [InlineData("1.5e3 / 3", 500)]
    [InlineData("round(2.5) + floor(-1.5) + ceil(1.2)", 3 - 2 + 2)]
    [InlineData("max(1, 7, 3) - min(4, 2)", 5)]
    [InlineData("log2(1024) + log10(1000) + sqrt(16) + abs(-1)", 10 + 3 + 4 + 1)]
    public void Arithmetic_follows_the_usual_precedence(string text, double expected) =>
        Assert.Equal(expected, Eval(text), 12);

    [Fact]
    public void Names_are_read_and_listed_in_order_of_first_use()
    {
        var e = Expression.Parse("gpus * 0.7 / 3 + gpus - base");
        Assert.Equal(["gpus", "base"], e.Names);
        Assert.Equal(3000 * 0.7 / 3 + 3000 - 100, e.Evaluate(n => n == "gpus" ? 3000 : 100), 9);
    }

    [Theory]
    [InlineData("1 +", "column 4 of '1 +': the expression ends too early")]
    [InlineData("(1 + 2", "column 7 of '(1 + 2': expected ')'")]
    [InlineData("2 $ 3", "column 3 of '2 $ 3': unexpected '$'")]
    [InlineData("sin(1)", "column 1 of 'sin(1)': unknown function 'sin' (functions: ceil, floor, round, abs, sqrt, exp, log, log2, log10, min, max)")]
    [InlineData("ceil(1, 2)", "column 1 of 'ceil(1, 2)': ceil takes 1 argument, got 2")]
    public void Malformed_expressions_say_where(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Expression.Parse(text)).Message);
}
