using System.Globalization;
using DuckDB.NET.Data;

namespace OpenG2G.Cli.Tests.Cluster;

/// <summary>DuckDB as an independent reader of the sweep tables.</summary>
public static class ParquetQuery
{
    /// <summary>Rows of <paramref name="sql"/>, each as an array of values (null for SQL NULL).</summary>
    public static List<object?[]> Rows(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static long Count(string sql) => Convert.ToInt64(Rows(sql).Single()[0], CultureInfo.InvariantCulture);

    /// <summary>"name TYPE" of every column of the Parquet files matching <paramref name="glob"/>, in order.</summary>
    public static List<string> Columns(string glob) =>
        Rows($"DESCRIBE SELECT * FROM read_parquet('{glob}')").Select(r => $"{r[0]} {r[1]}").ToList();
}
