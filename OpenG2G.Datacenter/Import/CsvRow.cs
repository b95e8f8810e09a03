using System.Globalization;
using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Datacenter.Import;

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
internal readonly struct CsvRow
{
    private readonly CsvTable _table;
    private readonly int _index;

    public CsvRow(CsvTable table, int index)
    {
        _table = table;
        _index = index;
    }

    public int Line => _table.RowAt(_index).Line;

    public string Text(string column) => _table.RowAt(_index).Cells[_table.ColumnIndex(column)];

    public double Number(string column)
    {
        string text = Text(column);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
            return value;
        throw Error(column, $"expected a number, got '{text}'");
    }

    /// <summary>The number in <paramref name="column"/>, or null when the cell is empty.</summary>
    public double? OptionalNumber(string column) => Text(column).Length == 0 ? null : Number(column);

    public int Integer(string column)
    {
        double value = Number(column);
        if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue)
            throw Error(column, $"expected a whole number, got '{Text(column)}'");
        return (int)value;
    }

    public InvalidInputException Error(string column, string message) =>
        new(Diagnostic.Error(new SourceLocation(_table.Path, Line, _table.RowAt(_index).Starts[_table.ColumnIndex(column)]), column, message));
}
