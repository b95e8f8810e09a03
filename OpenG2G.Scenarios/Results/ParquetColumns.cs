using Parquet;
using Parquet.Schema;

namespace OpenG2G.Scenarios.Results;

/// <summary>Reads whole double columns of a run's Parquet file (the files this project writes: flat, non-null doubles).</summary>
internal static class ParquetColumns
{
    /// <summary>The named double columns of <paramref name="file"/>, each concatenated over its row groups.</summary>
    public static double[][] ReadDoubles(string file, params string[] names)
    {
        using FileStream stream = File.OpenRead(file);
        ParquetReader reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            return Read(file, reader, names);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static double[][] Read(string file, ParquetReader reader, string[] names)
    {
        DataField[] all = reader.Schema.GetDataFields();
        var fields = new DataField[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            fields[i] = all.FirstOrDefault(f => f.Name == names[i])
                ?? throw new InvalidDataException($"{file}: no column '{names[i]}' (columns: {string.Join(", ", all.Select(f => f.Name))})");
        }
        var columns = names.Select(_ => new List<double>()).ToArray();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            for (int i = 0; i < fields.Length; i++)
            {
                if (fields[i].ClrType != typeof(double))
                    throw new InvalidDataException($"{file}: column '{names[i]}' is {fields[i].ClrType.Name}, not double");
                var values = new double[group.RowCount];
                group.ReadAsync(fields[i], values.AsMemory()).AsTask().GetAwaiter().GetResult();
                columns[i].AddRange(values);
            }
        }
        return columns.Select(c => c.ToArray()).ToArray();
    }
}
