namespace OpenG2G.Scenarios.Results;

/// <summary>One output table's expected size: <paramref name="Rows"/> rows and about <paramref name="Bytes"/> bytes.</summary>
/// <param name="File">The Parquet file name, e.g. <c>bus_voltages.parquet</c>.</param>
/// <param name="Rows">Rows the run writes (a lower bound for tables that also grow with tap changes).</param>
/// <param name="Bytes">Rows times the bytes per row measured on the shipped studies.</param>
public sealed record TableEstimate(string File, long Rows, long Bytes);
