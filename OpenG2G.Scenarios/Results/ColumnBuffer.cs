using Parquet;
using Parquet.Schema;

namespace OpenG2G.Scenarios.Results;

/// <summary>One column of a <see cref="ParquetTable"/>: the values of the row group being filled.</summary>
public abstract class ColumnBuffer
{
    private protected ColumnBuffer(ParquetTable table, DataField field)
    {
        Table = table;
        Field = field;
    }

    public DataField Field { get; }

    private protected ParquetTable Table { get; }

    internal abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, int rows);
}

/// <summary>A required 64-bit float column (NaN allowed).</summary>
public sealed class DoubleColumn : ColumnBuffer
{
    private readonly double[] _values;

    internal DoubleColumn(ParquetTable table, string name, int capacity)
        : base(table, new DataField<double>(name, false)) => _values = new double[capacity];

    /// <summary>This column's value in the row being filled.</summary>
    public void Set(double value) => _values[Table.Row] = value;

    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int rows) =>
        rowGroup.WriteAsync<double>(Field, new ReadOnlyMemory<double>(_values, 0, rows));
}

/// <summary>A required 32-bit integer column.</summary>
public sealed class IntColumn : ColumnBuffer
{
    private readonly int[] _values;

    internal IntColumn(ParquetTable table, string name, int capacity)
        : base(table, new DataField<int>(name, false)) => _values = new int[capacity];

    public void Set(int value) => _values[Table.Row] = value;

    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int rows) =>
        rowGroup.WriteAsync<int>(Field, new ReadOnlyMemory<int>(_values, 0, rows));
}

/// <summary>A required UTF-8 string column.</summary>
public sealed class StringColumn : ColumnBuffer
{
    private readonly string[] _values;

    internal StringColumn(ParquetTable table, string name, int capacity)
        : base(table, new DataField<string>(name, false)) => _values = new string[capacity];

    public void Set(string value) => _values[Table.Row] = value;

    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, int rows) =>
        rowGroup.WriteAsync(Field, new ArraySegment<string>(_values, 0, rows));
}
