namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// One axis: a scenario <see cref="Parameter"/> (a path such as <c>datacenters[0].bus</c>) and its values, given as
/// exactly one of <see cref="Values"/>, <see cref="Range"/>, <see cref="Random"/> or <see cref="Search"/>; or a group
/// of <see cref="Zip"/> axes that vary together; or <see cref="Scenarios"/>, alternative base scenario files.
/// </summary>
public sealed record SweepAxisOptions
{
    /// <summary>Column name in the results and name in <c>derived</c> expressions; default the parameter path with <c>.[]</c> as <c>_</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The scenario field the axis sets, as in <c>--set</c>.</summary>
    public string? Parameter { get; init; }

    /// <summary>Explicit values (YAML scalars: quoted ones stay text).</summary>
    public IReadOnlyList<string> Values { get; init; } = Array.Empty<string>();

    /// <summary>Evenly spaced numbers.</summary>
    public RangeOptions? Range { get; init; }

    /// <summary>Axes whose i-th values go together (all the same length).</summary>
    public IReadOnlyList<SweepAxisOptions> Zip { get; init; } = Array.Empty<SweepAxisOptions>();

    /// <summary>Random samples of several parameters at once.</summary>
    public RandomOptions? Random { get; init; }

    /// <summary>A bisection on one numeric parameter, for each combination of the other axes.</summary>
    public SearchOptions? Search { get; init; }

    /// <summary>Alternative base scenario files, relative to the sweep file (the column holds each file's name without extension).</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = Array.Empty<string>();

    /// <summary>
    /// A sensitivity study: each listed parameter takes each of its values while the others stay at their defaults.
    /// Adds the columns <c>varied</c> (the name of the parameter that varies) and <c>varied_value</c>.
    /// </summary>
    public IReadOnlyList<OneAtATimeOptions> OneAtATime { get; init; } = Array.Empty<OneAtATimeOptions>();
}

/// <summary>One parameter of a one-at-a-time axis: its values, and its value while another one varies.</summary>
public sealed record OneAtATimeOptions
{
    public string? Name { get; init; }

    public string? Parameter { get; init; }

    public IReadOnlyList<string> Values { get; init; } = Array.Empty<string>();

    /// <summary>Its value while another parameter varies (required).</summary>
    public string? Default { get; init; }
}

/// <summary><see cref="Count"/> numbers from <see cref="From"/> to <see cref="To"/> (both included), linear or log spaced.</summary>
public sealed record RangeOptions
{
    public double From { get; init; }

    public double To { get; init; }

    /// <summary>Number of values (&gt;= 2, or 1 for <see cref="From"/> alone).</summary>
    public int Count { get; init; }

    /// <summary><c>linear</c> (default) or <c>log</c> (geometric; needs positive ends).</summary>
    public RangeScale Scale { get; init; } = RangeScale.Linear;

    /// <summary>Round each value to a whole number (for counts such as replicas).</summary>
    public bool Integer { get; init; }
}

/// <summary>Spacing of a <see cref="RangeOptions"/>.</summary>
public enum RangeScale
{
    Linear,
    Log,
}

/// <summary><see cref="Count"/> random draws of <see cref="Parameters"/>, reproducible from <see cref="Seed"/>.</summary>
public sealed record RandomOptions
{
    public int Count { get; init; }

    /// <summary>Seed of the draws (default 0).</summary>
    public ulong Seed { get; init; }

    public IReadOnlyList<RandomParameterOptions> Parameters { get; init; } = Array.Empty<RandomParameterOptions>();
}

/// <summary>One randomly drawn parameter: exactly one of <see cref="Uniform"/>, <see cref="LogUniform"/>, <see cref="Integer"/> or <see cref="Choice"/>.</summary>
public sealed record RandomParameterOptions
{
    public string? Name { get; init; }

    public string? Parameter { get; init; }

    /// <summary>[low, high): uniform.</summary>
    public IReadOnlyList<double> Uniform { get; init; } = Array.Empty<double>();

    /// <summary>[low, high): log-uniform (positive bounds).</summary>
    public IReadOnlyList<double> LogUniform { get; init; } = Array.Empty<double>();

    /// <summary>[low, high]: a whole number, each equally likely.</summary>
    public IReadOnlyList<long> Integer { get; init; } = Array.Empty<long>();

    /// <summary>One of these values, each equally likely.</summary>
    public IReadOnlyList<string> Choice { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Bisection for the largest <see cref="SweepAxisOptions.Parameter"/> in [<see cref="Low"/>, <see cref="High"/>] whose run
/// satisfies <see cref="Until"/> (a summary metric compared with a threshold, e.g. <c>voltage.violation_time_s &lt;= 360</c>),
/// assuming smaller values satisfy it when larger ones do. Stops when the bracket is within <see cref="Tolerance"/>.
/// </summary>
public sealed record SearchOptions
{
    public double Low { get; init; }

    public double High { get; init; }

    /// <summary>Width of the final bracket, in the parameter's unit (&gt; 0).</summary>
    public double Tolerance { get; init; }

    /// <summary>The parameter is a whole number (midpoints are rounded down).</summary>
    public bool Integer { get; init; }

    /// <summary><c>METRIC OP THRESHOLD</c>: a summary key path, one of <c>&lt; &lt;= &gt; &gt;= ==</c>, a number.</summary>
    public string? Until { get; init; }
}

/// <summary>A parameter computed for each run: <see cref="Value"/> is an arithmetic expression of axis names.</summary>
public sealed record DerivedOptions
{
    /// <summary>Column name (default from the parameter path).</summary>
    public string? Name { get; init; }

    public string? Parameter { get; init; }

    /// <summary>e.g. <c>replicas * 0.7 / 3</c>; operators + - * / ^, parentheses, functions ceil floor round min max abs sqrt log log2 exp.</summary>
    public string? Value { get; init; }
}

/// <summary>A picture of the results: <see cref="Kind"/> lines (y against x, one line per series), heatmap (value over x and y) or bars (value per x, bars per series).</summary>
public sealed record SweepPlotOptions
{
    /// <summary>PNG file name inside the sweep's output folder.</summary>
    public string? File { get; init; }

    public string? Title { get; init; }

    public SweepPlotKind Kind { get; init; } = SweepPlotKind.Lines;

    /// <summary>Column on the x axis.</summary>
    public string? X { get; init; }

    /// <summary>Column on the y axis (lines: a metric; heatmap: a parameter).</summary>
    public string? Y { get; init; }

    /// <summary>Heatmap colour or bar height: a metric column.</summary>
    public string? Value { get; init; }

    /// <summary>Column whose values make separate lines or bar groups.</summary>
    public string? Series { get; init; }

    /// <summary>Column to draw one picture per value of (files named FILE-VALUE.png).</summary>
    public string? Panel { get; init; }

    /// <summary>Lines: a logarithmic x axis (positive x only).</summary>
    public bool LogX { get; init; }

    /// <summary>Lines: the x values evenly spaced in order, each labelled (for values spanning decades, zero included).</summary>
    public bool CategoricalX { get; init; }

    /// <summary><c>runs</c> (the results table, default) or <c>searches</c> (one row per finished search).</summary>
    public SweepPlotSource Source { get; init; } = SweepPlotSource.Runs;
}

public enum SweepPlotKind
{
    Lines,
    Heatmap,
    Bars,
}

public enum SweepPlotSource
{
    Runs,
    Searches,
}
