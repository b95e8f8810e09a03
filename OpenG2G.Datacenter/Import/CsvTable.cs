using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Datacenter.Import;

/// <summary>
/// A comma-separated file read whole: a header row and data rows, with RFC 4180 quoting
/// (<c>"a,b"</c>, doubled quotes inside). Blank lines are skipped. Cells are looked up by column
/// name; a missing column or an unparsable number is an <see cref="InvalidInputException"/>
/// naming <c>file:line:column</c>.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<CsvLine> _rows;

    private CsvTable(string path, string[] header, List<CsvLine> rows)
    {
        Path = path;
        Header = header;
        _rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
            _columns.TryAdd(header[i], i);
    }

    public string Path { get; }

    public IReadOnlyList<string> Header { get; }

    public int Count => _rows.Count;

    public IEnumerable<CsvRow> Rows => Enumerable.Range(0, _rows.Count).Select(i => new CsvRow(this, i));

    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty, "file not found"));
        var lines = File.ReadAllLines(path);
        string[]? header = null;
        var rows = new List<CsvLine>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var (cells, starts) = Split(lines[i], path, i + 1);
            if (header is null)
            {
                header = cells;
                continue;
            }
            if (cells.Length != header.Length)
            {
                throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, i + 1, 1), string.Empty,
                    $"expected {header.Length} cells as in the header, got {cells.Length}"));
            }
            rows.Add(new CsvLine(i + 1, cells, starts));
        }
        if (header is null)
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 1, 1), string.Empty, "the file is empty; expected a header row"));
        return new CsvTable(path, header, rows);
    }

    internal int ColumnIndex(string column) =>
        _columns.TryGetValue(column, out int c)
            ? c
            : throw new InvalidInputException(Diagnostic.Error(new SourceLocation(Path, 1, 1), string.Empty,
                $"missing column '{column}'; the header has {string.Join(", ", Header)}"));

    internal CsvLine RowAt(int index) => _rows[index];

    private static (string[] Cells, int[] Starts) Split(string line, string path, int lineNumber)
    {
        var cells = new List<string>();
        var starts = new List<int> { 1 };
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    cell.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                starts.Add(i + 2);
            }
            else
                cell.Append(c);
        }
        if (quoted)
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, lineNumber, line.Length), string.Empty, "unterminated quoted cell"));
        cells.Add(cell.ToString());
        return (cells.ToArray(), starts.ToArray());
    }
}
