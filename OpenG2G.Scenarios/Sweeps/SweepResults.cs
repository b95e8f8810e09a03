using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>The rows of a sweep folder's table (<c>summary</c> or <c>searches</c>): every part file, or the merged file.</summary>
public sealed class SweepResults
{
    private SweepResults(IReadOnlyList<TableColumn> columns, List<object?[]> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public List<object?[]> Rows { get; }

    /// <summary>Read <c>DIR/FOLDER/*.parquet</c> in file-name order; throws <see cref="InvalidInputException"/> when there is none.</summary>
    public static SweepResults Read(string directory, string folder)
    {
        string path = Path.Combine(directory, folder);
        var files = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.parquet").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
            throw new InvalidInputException(Diagnostic.Error(new SourceLocation(path, 0, 0), string.Empty, "no results here yet (no .parquet files)"));
        IReadOnlyList<TableColumn>? columns = null;
        var rows = new List<object?[]>();
        foreach (string f in files)
        {
            var (c, r) = TableFile.Read(f);
            columns ??= c;
            rows.AddRange(r);
        }
        return new SweepResults(columns!, rows);
    }

    /// <summary>The rows that satisfy <paramref name="keep"/>, same columns.</summary>
    public SweepResults Where(Func<object?[], bool> keep) => new(Columns, Rows.Where(keep).ToList());

    /// <summary>Index of column <paramref name="name"/>; throws <see cref="InvalidInputException"/> naming the columns there are.</summary>
    public int IndexOf(string name, SourceLocation at, string path)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == name)
                return i;
        }
        throw new InvalidInputException(Diagnostic.Error(at, path, Binding.YamlBinder.UnknownKey(name, Columns.Select(c => c.Name).ToList()).Replace("unknown key", "no column", StringComparison.Ordinal)));
    }

    /// <summary>A cell as a double (NaN for null or text).</summary>
    public static double Number(object? cell) => cell switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        bool b => b ? 1 : 0,
        _ => double.NaN,
    };

    /// <summary>A cell as text (empty for null).</summary>
    public static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };
}
