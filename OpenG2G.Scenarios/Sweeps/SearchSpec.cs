using System.Globalization;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>A checked <see cref="SearchOptions"/>: the parameter's column, its bracket and the condition on a summary metric.</summary>
public sealed record SearchSpec(int ParameterIndex, double Low, double High, double Tolerance, bool Integer, string Metric, string Op, double Threshold)
{
    /// <summary>Whether a run whose <see cref="Metric"/> is <paramref name="value"/> satisfies the condition (NaN never does).</summary>
    public bool Holds(double value) => Op switch
    {
        "<" => value < Threshold,
        "<=" => value <= Threshold,
        ">" => value > Threshold,
        ">=" => value >= Threshold,
        _ => value == Threshold,
    };

    /// <summary>The condition as written, e.g. <c>voltage.violation_time_s &lt;= 360</c>.</summary>
    public override string ToString() => $"{Metric} {Op} {Threshold.ToString("R", CultureInfo.InvariantCulture)}";
}
