namespace OpenG2G.Scenarios.Results;

/// <summary>
/// One decimated series of a <see cref="MinMaxGroup"/>: per window its lowest and highest sample, in the
/// order they occurred (NaN samples are skipped; a window of only NaN keeps two NaN). Every extreme of the
/// full series is one of the kept values, so no peak or dip is lost from a plot.
/// </summary>
public sealed class MinMaxSeries
{
    private readonly List<double> _values = new();
    private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;
    private int _minAt, _maxAt, _samples;

    /// <summary>Two values per completed window.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Lowest value kept (NaN when none).</summary>
    public double Min => _values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Min();

    /// <summary>Highest value kept (NaN when none).</summary>
    public double Max => _values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max();

    internal void Add(double value)
    {
        if (value < _min)
            (_min, _minAt) = (value, _samples);
        if (value > _max)
            (_max, _maxAt) = (value, _samples);
        _samples++;
    }

    /// <summary>Pad windows this series missed (it appeared later than the group), so values line up with the times.</summary>
    internal void PadTo(int values)
    {
        while (_values.Count < values)
            _values.Add(double.NaN);
    }

    internal void CloseWindow()
    {
        if (double.IsPositiveInfinity(_min))
        {
            _values.Add(double.NaN);
            _values.Add(double.NaN);
        }
        else if (_minAt <= _maxAt)
        {
            _values.Add(_min);
            _values.Add(_max);
        }
        else
        {
            _values.Add(_max);
            _values.Add(_min);
        }
        _min = double.PositiveInfinity;
        _max = double.NegativeInfinity;
        _samples = 0;
    }
}
