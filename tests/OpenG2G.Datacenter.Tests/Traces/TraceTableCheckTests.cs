using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Import;
using OpenG2G.Datacenter.Traces;
using OpenG2G.Datacenter.Traces.Storage;

namespace OpenG2G.Datacenter.Tests.Traces;

/// <summary>A trace library with a NaN, an infinity or a damaged table is refused naming the file and row, not used.</summary>
public class TraceTableCheckTests
{
    private static string Library()
    {
        string dir = TestRun.TempDirectory();
        TraceImporter.Import(TestRun.FixtureData, dir);
        return dir;
    }

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "Infinity")]
    public void A_non_finite_power_sample_is_refused_with_its_row(float bad, string shown)
    {
        string dir = Library();
        string file = Path.Combine(dir, TraceLibraryFiles.PowerSeries);
        var rows = ParquetTables.Read<PowerSampleRow>(file).ToList();
        int row = rows.Count / 2;
        rows[row].PowerWPerGpu = bad;
        ParquetTables.Write(file, rows);

        var e = Assert.Throws<InvalidInputException>(() => TraceLibrary.Read(dir));

        Assert.Equal(
            [$"{file}: row {row + 1}: power_w_per_gpu is {shown}; trace values must be finite numbers (re-import the library with `openg2g traces import`)"],
            e.Errors.Select(d => d.ToString()).ToList());
    }

    [Fact]
    public void A_truncated_table_is_refused_as_unreadable()
    {
        string dir = Library();
        string file = Path.Combine(dir, TraceLibraryFiles.Fits);
        byte[] bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<InvalidInputException>(() => TraceLibrary.Read(dir));

        string message = Assert.Single(e.Errors).ToString();
        Assert.StartsWith($"{file}: not a readable trace table (", message, StringComparison.Ordinal);
        Assert.EndsWith("); re-import the library with `openg2g traces import`", message, StringComparison.Ordinal);
    }
}
