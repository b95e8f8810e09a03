using DuckDB.NET.Data;

namespace OpenG2G.Cli.Tests;

/// <summary>DuckDB as an independent reader of the run folders' Parquet files.</summary>
internal static class DuckDb
{
    public static long Count(string parquet) => Convert.ToInt64(Scalar($"SELECT count(*) FROM read_parquet('{parquet}')"), System.Globalization.CultureInfo.InvariantCulture);

    public static object? Scalar(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
