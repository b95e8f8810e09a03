using Parquet;
using Parquet.Schema;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>The Parquet type of a column of a sweep table.</summary>
public enum TableType
{
    Int64,
    UInt64,
    Double,
    Text,
    Bool,
}

/// <summary>A column of a sweep table: name and type; every column is nullable (null = not measured, or not applicable).</summary>
public sealed record TableColumn(string Name, TableType Type);

/// <summary>
/// Small Parquet tables of whole rows (one row group): written to a temporary name and renamed, so a reader never
/// sees a half-written file and a killed process leaves either the whole file or none. Values are long?, ulong?,
/// double? (NaN written as null), string? and bool?.
/// </summary>
public static class TableFile
{
    /// <summary>Write <paramref name="rows"/> (each aligned with <paramref name="columns"/>) to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, IReadOnlyList<TableColumn> columns, IReadOnlyList<object?[]> rows)
    {
        string temporary = path + ".tmp-" + Environment.ProcessId + "-" + Environment.CurrentManagedThreadId;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            WriteAsync(stream, columns, rows).GetAwaiter().GetResult();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The columns and rows of a file this class wrote.</summary>
    public static (IReadOnlyList<TableColumn> Columns, List<object?[]> Rows) Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return ReadAsync(stream).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(Stream stream, IReadOnlyList<TableColumn> columns, IReadOnlyList<object?[]> rows)
    {
        DataField[] fields = columns.Select(Field).ToArray();
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        for (int c = 0; c < columns.Count; c++)
        {
            int k = c;
            switch (columns[c].Type)
            {
                case TableType.Int64:
                    await group.WriteAsync<long>(fields[c], rows.Select(r => (long?)r[k]).ToArray().AsMemory()).ConfigureAwait(false);
                    break;
                case TableType.UInt64:
                    await group.WriteAsync<ulong>(fields[c], rows.Select(r => (ulong?)r[k]).ToArray().AsMemory()).ConfigureAwait(false);
                    break;
                case TableType.Double:
                    await group.WriteAsync<double>(fields[c], rows.Select(r => r[k] is double d && !double.IsNaN(d) ? d : (double?)null).ToArray().AsMemory()).ConfigureAwait(false);
                    break;
                case TableType.Bool:
                    await group.WriteAsync<bool>(fields[c], rows.Select(r => (bool?)r[k]).ToArray().AsMemory()).ConfigureAwait(false);
                    break;
                default:
                    await group.WriteAsync(fields[c], rows.Select(r => (string?)r[k]).ToArray()!).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static async Task<(IReadOnlyList<TableColumn>, List<object?[]>)> ReadAsync(Stream stream)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        DataField[] fields = reader.Schema.GetDataFields();
        var columns = fields.Select(f => new TableColumn(f.Name, TypeOf(f))).ToList();
        var rows = new List<object?[]>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount, start = rows.Count;
            for (int i = 0; i < n; i++)
                rows.Add(new object?[fields.Length]);
            for (int c = 0; c < fields.Length; c++)
            {
                object?[] values = await ReadColumn(group, fields[c], columns[c].Type, n).ConfigureAwait(false);
                for (int i = 0; i < n; i++)
                    rows[start + i][c] = values[i];
            }
        }
        return (columns, rows);
    }

    private static async Task<object?[]> ReadColumn(ParquetRowGroupReader group, DataField field, TableType type, int n)
    {
        switch (type)
        {
            case TableType.Int64:
                var l = new long?[n];
                await group.ReadAsync<long>(field, l.AsMemory()).ConfigureAwait(false);
                return l.Select(v => (object?)v).ToArray();
            case TableType.UInt64:
                var u = new ulong?[n];
                await group.ReadAsync<ulong>(field, u.AsMemory()).ConfigureAwait(false);
                return u.Select(v => (object?)v).ToArray();
            case TableType.Double:
                var d = new double?[n];
                await group.ReadAsync<double>(field, d.AsMemory()).ConfigureAwait(false);
                return d.Select(v => (object?)v).ToArray();
            case TableType.Bool:
                var b = new bool?[n];
                await group.ReadAsync<bool>(field, b.AsMemory()).ConfigureAwait(false);
                return b.Select(v => (object?)v).ToArray();
            default:
                var s = new string?[n];
                await group.ReadAsync(field, s.AsMemory()).ConfigureAwait(false);
                return s.Select(v => (object?)v).ToArray();
        }
    }

    private static DataField Field(TableColumn c) => c.Type switch
    {
        TableType.Int64 => new DataField<long?>(c.Name),
        TableType.UInt64 => new DataField<ulong?>(c.Name),
        TableType.Double => new DataField<double?>(c.Name),
        TableType.Bool => new DataField<bool?>(c.Name),
        _ => new DataField<string>(c.Name, true),
    };

    private static TableType TypeOf(DataField f) => f.ClrType switch
    {
        var t when t == typeof(long) => TableType.Int64,
        var t when t == typeof(ulong) => TableType.UInt64,
        var t when t == typeof(double) => TableType.Double,
        var t when t == typeof(bool) => TableType.Bool,
        _ => TableType.Text,
    };
}
