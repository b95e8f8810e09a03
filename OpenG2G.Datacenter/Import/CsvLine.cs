namespace OpenG2G.Datacenter.Import;

/// <summary>One physical line: its 1-based number, cells and 1-based character column of each cell.</summary>
internal sealed record CsvLine(int Line, string[] Cells, int[] Starts);
