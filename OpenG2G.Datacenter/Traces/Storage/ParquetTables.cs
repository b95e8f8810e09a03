using System.Reflection;
using System.Text.Json.Serialization;
using OpenG2G.Core.Diagnostics;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace OpenG2G.Datacenter.Traces.Storage;

/// <summary>Reads and writes the library's Parquet tables (zstd-compressed; byte-identical output for identical rows).</summary>
internal static class ParquetTables
{
    private static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Zstd };

    public static void Write<T>(string path, IReadOnlyList<T> rows)
        where T : class, new()
    {
        using var stream = File.Create(path);
        ParquetSerializer.SerializeAsync(rows, stream, Options).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The rows of <paramref name="path"/>. A file that is not a readable table of <typeparamref name="T"/>, or
    /// a number that is NaN or infinite (a trace holds measurements; an optional value is null, not NaN),
    /// throws <see cref="InvalidInputException"/> naming the file, and the row and column.
    /// </summary>
    public static IList<T> Read<T>(string path)
        where T : class, new()
    {
        IList<T> rows;
        try
        {
            using var stream = File.OpenRead(path);
            rows = ParquetSerializer.DeserializeAsync<T>(stream, Options).GetAwaiter().GetResult().Data;
        }
        catch (Exception e) when (e is not InvalidInputException and not OutOfMemoryException)
        {
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty,
                $"not a readable trace table ({e.Message}); re-import the library with `openg2g traces import`"));
        }
        CheckFinite(path, rows);
        return rows;
    }

    /// <summary>
    /// The power samples of <c>power_series.parquet</c> as three columns (series id, sample index, W per GPU),
    /// read column by column: the largest table of the library (one row per sample) without a row object
    /// per sample or the row serializer's compiled assembler, which cost most of a fresh process's start.
    /// Same errors as <see cref="Read{T}"/> (unreadable table; a non-finite power names its row).
    /// </summary>
    public static (int[] SeriesId, int[] Sample, float[] PowerWPerGpu) ReadPowerSamples(string path)
    {
        int[] ids, samples;
        float[] power;
        try
        {
            using var stream = File.OpenRead(path);
            ParquetReader reader = ParquetReader.CreateAsync(stream, Options).GetAwaiter().GetResult();
            try
            {
                DataField[] fields = reader.Schema.GetDataFields();
                DataField Field(string name) => fields.FirstOrDefault(f => f.Name == name)
                    ?? throw new InvalidDataException($"no column '{name}'");
                DataField idField = Field("series_id"), sampleField = Field("sample"), powerField = Field("power_w_per_gpu");
                long rows = 0;
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                    rows += group.RowCount;
                }
                ids = new int[rows];
                samples = new int[rows];
                power = new float[rows];
                int offset = 0;
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                    int n = checked((int)group.RowCount);
                    ReadColumn(group, idField, ids.AsMemory(offset, n));
                    ReadColumn(group, sampleField, samples.AsMemory(offset, n));
                    ReadColumn(group, powerField, power.AsMemory(offset, n));
                    offset += n;
                }
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is not InvalidInputException and not OutOfMemoryException)
        {
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty,
                $"not a readable trace table ({e.Message}); re-import the library with `openg2g traces import`"));
        }
        for (int i = 0; i < power.Length; i++)
        {
            if (!float.IsFinite(power[i]))
            {
                throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty,
                    $"row {i + 1}: power_w_per_gpu is {(double?)power[i]}; trace values must be finite numbers (re-import the library with `openg2g traces import`)"));
            }
        }
        return (ids, samples, power);
    }

    /// <summary>One column of one row group into <paramref name="target"/>; a null in a column that must have none is an error.</summary>
    private static void ReadColumn<T>(ParquetRowGroupReader group, DataField field, Memory<T> target)
        where T : struct
    {
        if (field.ClrType != typeof(T))
            throw new InvalidDataException($"column '{field.Name}' is {field.ClrType.Name}, not {typeof(T).Name}");
        if (!field.IsNullable)
        {
            group.ReadAsync(field, target).AsTask().GetAwaiter().GetResult();
            return;
        }
        var values = new T?[target.Length];
        group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
        Span<T> span = target.Span;
        for (int i = 0; i < values.Length; i++)
            span[i] = values[i] ?? throw new InvalidDataException($"column '{field.Name}' has a null");
    }

    private static void CheckFinite<T>(string path, IList<T> rows)
    {
        var numbers = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(float) || p.PropertyType == typeof(double?))
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, Get: Getter<T>(p)))
            .ToArray();
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (var (name, get) in numbers)
            {
                double? value = get(rows[i]);
                if (value is { } v && !double.IsFinite(v))
                {
                    throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty,
                        $"row {i + 1}: {name} is {v}; trace values must be finite numbers (re-import the library with `openg2g traces import`)"));
                }
            }
        }
    }

    private static Func<T, double?> Getter<T>(PropertyInfo p)
    {
        if (p.PropertyType == typeof(float))
        {
            var f = p.GetGetMethod()!.CreateDelegate<Func<T, float>>();
            return row => f(row);
        }
        if (p.PropertyType == typeof(double))
        {
            var d = p.GetGetMethod()!.CreateDelegate<Func<T, double>>();
            return row => d(row);
        }
        return p.GetGetMethod()!.CreateDelegate<Func<T, double?>>();
    }
}
