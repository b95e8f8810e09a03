using System.Reflection;
using System.Text.Json.Serialization;
using OpenG2G.Core.Diagnostics;
using Parquet;
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
