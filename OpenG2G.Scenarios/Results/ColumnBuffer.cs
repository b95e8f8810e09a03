using Parquet;
using Parquet.Schema;

namespace OpenG2G.Scenarios.Results;

/// <summary>
/// One column of a <see cref="ParquetTable"/>, double-buffered: rows are filled into the front buffer
/// while the back buffer (the previous row group) is written to disk.
/// </summary>
public abstract class ColumnBuffer
{
    private protected ColumnBuffer(ParquetTable table, DataField field)
    {
        Table = table;
        Field = field;
    }

    public DataField Field { get; }

    private protected ParquetTable Table { get; }

    /// <summary>Exchange front and back buffers: the filled rows become the back buffer to write.</summary>
    internal abstract void Swap();

    /// <summary>Write the first <paramref name="rows"/> values of the back buffer.</summary>
    internal abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, int rows);
}

/// <summary>A required column of a fixed-size value type, double-buffered like every column.</summary>
public abstract class ValueColumn<T> : ColumnBuffer
    where T : struct
{
    private T[] _values;
    private T[] _back;

    private protected ValueColumn(ParquetTable table, string name, int capacity)
        : base(table, new DataField<T>(name, false))
    {
        _values = new T[capacity];
        _back = new T[capacity];
    }

    internal override void Swap() => (_values, _back) = (_back, _values);

    /// <summary>This column's value in the row being filled.</summary>
    public void Set(T value) => _values[Table.Row] = value;

    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int rows) =>
        rowGroup.WriteAsync<T>(Field, new ReadOnlyMemory<T>(_back, 0, rows));
}

/// <summary>A required 64-bit float column (NaN allowed).</summary>
public sealed class DoubleColumn : ValueColumn<double>
{
    internal DoubleColumn(ParquetTable table, string name, int capacity)
        : base(table, name, capacity)
    {
    }
}

/// <summary>A required 32-bit integer column.</summary>
public sealed class IntColumn : ValueColumn<int>
{
    internal IntColumn(ParquetTable table, string name, int capacity)
        : base(table, name, capacity)
    {
    }
}

/// <summary>A required UTF-8 string column.</summary>
public sealed class StringColumn : ColumnBuffer
{
    private string[] _values;
    private string[] _back;

    internal StringColumn(ParquetTable table, string name, int capacity)
        : base(table, new DataField<string>(name, false))
    {
        _values = new string[capacity];
        _back = new string[capacity];
    }

    internal override void Swap() => (_values, _back) = (_back, _values);

    public void Set(string value) => _values[Table.Row] = value;

    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int rows) =>
        rowGroup.WriteAsync(Field, new ArraySegment<string>(_back, 0, rows));
}
