using DuckDB.NET.Data;

namespace OpenG2G.Scenarios.Tests.Support;

/// <summary>DuckDB as an independent Parquet reader.</summary>
public static class Duck
{
    /// <summary>Rows of <paramref name="sql"/>, each as an array of values.</summary>
    public static List<object?[]> Query(string sql)
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

    public static double Scalar(string sql) => Convert.ToDouble(Query(sql).Single()[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Column names and DuckDB types of a Parquet file, in order.</summary>
    public static List<string> Columns(string parquet) =>
        Query($"DESCRIBE SELECT * FROM read_parquet('{parquet}')").Select(r => $"{r[0]} {r[1]}").ToList();
}
