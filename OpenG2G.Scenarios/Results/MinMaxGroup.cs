namespace OpenG2G.Scenarios.Results;

/// <summary>
/// Series sampled at the same instants (the bus voltages of one grid, the models of one datacenter),
/// decimated to about <c>2 x windows</c> points each: every <paramref name="stride"/> samples form a window
/// that keeps its first and last time and each series' minimum and maximum (<see cref="MinMaxSeries"/>).
/// Memory is bounded by the number of windows, whatever the run's length.
/// </summary>
public sealed class MinMaxGroup(long stride)
{
    private readonly SortedDictionary<string, MinMaxSeries> _series = new(StringComparer.Ordinal);
    private readonly List<double> _timeS = new();
    private readonly long _stride = Math.Max(1, stride);
    private long _samples;
    private double _first, _last;
    private bool _open;

    /// <summary>Two times per window (its first and last sample), matching each series' two values.</summary>
    public IReadOnlyList<double> TimeS => _timeS;

    /// <summary>The series by name, in ordinal order.</summary>
    public IReadOnlyDictionary<string, MinMaxSeries> Series => _series;

    /// <summary>Start the sample at <paramref name="timeS"/>; then <see cref="Add"/> each series' value.</summary>
    public void Begin(double timeS)
    {
        if (_open && _samples % _stride == 0)
            CloseWindow();
        if (!_open)
        {
            _first = timeS;
            _open = true;
        }
        _last = timeS;
        _samples++;
    }

    public void Add(string name, double value)
    {
        if (!_series.TryGetValue(name, out MinMaxSeries? s))
        {
            _series[name] = s = new MinMaxSeries();
            s.PadTo(_timeS.Count);
        }
        s.Add(value);
    }

    /// <summary>Close the last, partial window (before plotting).</summary>
    public void Complete()
    {
        if (_open)
            CloseWindow();
    }

    private void CloseWindow()
    {
        _timeS.Add(_first);
        _timeS.Add(_last);
        foreach (MinMaxSeries s in _series.Values)
        {
            s.CloseWindow();
            s.PadTo(_timeS.Count);
        }
        _open = false;
    }
}
