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

    public static IList<T> Read<T>(string path)
        where T : class, new()
    {
        using var stream = File.OpenRead(path);
        return ParquetSerializer.DeserializeAsync<T>(stream, Options).GetAwaiter().GetResult().Data;
    }
}
