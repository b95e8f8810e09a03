using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Import;

namespace OpenG2G.Datacenter.Tests.Import;

public class CsvTableTests
{
    [Fact]
    public void Reads_quoted_cells_with_commas_and_doubled_quotes()
    {
        string path = Path.Combine(TestRun.TempDirectory(), "q.csv");
        File.WriteAllText(path, "a,b,c\n1,\"x, \"\"y\"\"\",3.5\n\n2,plain,4\n");
        var table = CsvTable.Read(path);
        var rows = table.Rows.ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("x, \"y\"", rows[0].Text("b"));
        Assert.Equal(3.5, rows[0].Number("c"));
        Assert.Equal(4, rows[1].Line);
    }

    [Fact]
    public void A_bad_number_names_file_line_and_column()
    {
        string path = Path.Combine(TestRun.TempDirectory(), "bad.csv");
        File.WriteAllText(path, "name,value\nfirst,1\nsecond,abc\n");
        var row = CsvTable.Read(path).Rows.Last();
        var e = Assert.Throws<InvalidInputException>(() => row.Number("value"));
        Assert.Equal($"{path}:3:8: value: expected a number, got 'abc'", e.Message);
    }

    [Fact]
    public void A_missing_column_lists_the_header()
    {
        string path = Path.Combine(TestRun.TempDirectory(), "cols.csv");
        File.WriteAllText(path, "a,b\n1,2\n");
        var row = CsvTable.Read(path).Rows.Single();
        var e = Assert.Throws<InvalidInputException>(() => row.Text("c"));
        Assert.Equal($"{path}:1:1: missing column 'c'; the header has a, b", e.Message);
    }

    [Fact]
    public void A_short_row_is_an_error()
    {
        string path = Path.Combine(TestRun.TempDirectory(), "short.csv");
        File.WriteAllText(path, "a,b\n1\n");
        var e = Assert.Throws<InvalidInputException>(() => CsvTable.Read(path));
        Assert.Equal($"{path}:2:1: expected 2 cells as in the header, got 1", e.Message);
    }
}
