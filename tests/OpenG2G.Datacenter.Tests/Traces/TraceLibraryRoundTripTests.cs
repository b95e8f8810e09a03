using DuckDB.NET.Data;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Datacenter.Import;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Tests.Traces;

public class TraceLibraryRoundTripTests
{
    [Fact]
    public void Writing_and_reading_back_keeps_every_value()
    {
        string dir = TestRun.TempDirectory();
        var written = TraceImporter.Import(TestRun.FixtureData, dir);
        var read = TraceLibrary.Read(dir);

        Assert.Equal(written.Inference.Select(c => c.Key), read.Inference.Select(c => c.Key));
        foreach (var (a, b) in written.Inference.Zip(read.Inference))
        {
            foreach (var (pa, pb) in a.Points.Zip(b.Points))
            {
                Assert.Equal(pa.BatchSize, pb.BatchSize);
                Assert.Equal(pa.MeanPowerW, pb.MeanPowerW);
                Assert.Equal(pa.ThroughputTokensPerS, pb.ThroughputTokensPerS);
                Assert.Equal(pa.ThroughputSource, pb.ThroughputSource);
                Assert.Equal(pa.Itl, pb.Itl);
                Assert.Equal(pa.ItlSource, pb.ItlSource);
                Assert.Equal(pa.MedianItlS, pb.MedianItlS);
                Assert.Equal(pa.P99ItlS, pb.P99ItlS);
                Assert.Equal(pa.SeriesId, pb.SeriesId);
                Assert.Equal(pa.SeriesScale, pb.SeriesScale);
                Assert.Equal(pa.SeriesProvenance, pb.SeriesProvenance);
                Assert.Equal(pa.SeriesSource, pb.SeriesSource);
                Assert.Equal(pa, pb);
            }
            Assert.Equal(a.ModelId, b.ModelId);
            Assert.Equal(a.Curves.Power.Curve is Datacenter.Fits.LogisticCurve ? a.Curves.Power.Curve : null,
                b.Curves.Power.Curve is Datacenter.Fits.LogisticCurve ? b.Curves.Power.Curve : null);
            foreach (double x in new[] { 3.0, 4.5, 7.0 })
                Assert.Equal(a.Curves.ThroughputTokensPerS(x), b.Curves.ThroughputTokensPerS(x));
        }
        Assert.Equal(written.Series.Keys.Order(), read.Series.Keys.Order());
        foreach (var id in written.Series.Keys)
            Assert.Equal(written.Series[id].PowerW.ToArray(), read.Series[id].PowerW.ToArray());
        Assert.Equal(written.PowerCaps.Select(r => (r.Id, r.Points.Length)), read.PowerCaps.Select(r => (r.Id, r.Points.Length)));
        Assert.Equal(written.PowerCaps.SelectMany(r => r.Points), read.PowerCaps.SelectMany(r => r.Points));
        Assert.Equal(written.TrainingProfiles[0].Steady.ToArray(), read.TrainingProfiles[0].Steady.ToArray());
        Assert.Equal(written.TrainingProfiles[0].Description, read.TrainingProfiles[0].Description);
        Assert.Equal(written.Gpus.ToArray(), read.Gpus.ToArray());
        Assert.Equal(written.Datasets.ToArray(), read.Datasets.ToArray());
    }

    [Fact]
    public void Importing_twice_gives_identical_bytes()
    {
        string a = TestRun.TempDirectory(), b = TestRun.TempDirectory();
        TraceImporter.Import(TestRun.FixtureData, a);
        TraceImporter.Import(TestRun.FixtureData, b);
        var files = Directory.GetFiles(a).Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(8, files.Count);
        foreach (string file in files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
    }

    [Fact]
    public void An_independent_parquet_reader_sees_plain_columns_with_units()
    {
        string dir = TestRun.TempDirectory();
        TraceImporter.Import(TestRun.FixtureData, dir);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT batch_size, mean_power_w_per_replica, series_provenance FROM '{Path.Combine(dir, "inference_points.parquet")}' " +
            "WHERE label = 'Llama-3.1-8B' AND gpu = 'H100' ORDER BY batch_size";
        using var reader = command.ExecuteReader();
        var rows = new List<(int, double, string)>();
        while (reader.Read())
            rows.Add((reader.GetInt32(0), reader.GetDouble(1), reader.GetString(2)));
        Assert.Equal(new[] { (8, 500.0, "measured"), (16, 600.0, "measured"), (32, 650.0, "measured"), (64, 700.0, "measured"), (128, 720.0, "measured") }, rows);
    }

    [Fact]
    public void A_folder_without_an_index_is_not_a_library()
    {
        string dir = TestRun.TempDirectory();
        var e = Assert.Throws<InvalidInputException>(() => TraceLibrary.Load(dir));
        Assert.Equal($"{Path.Combine(dir, "index.json")}: not a trace library: index.json is missing (build one with `openg2g traces import`)", e.Message);
    }

    [Fact]
    public void A_missing_table_is_named()
    {
        string dir = TestRun.TempDirectory();
        TraceImporter.Import(TestRun.FixtureData, dir);
        File.Delete(Path.Combine(dir, "fits.parquet"));
        var e = Assert.Throws<InvalidInputException>(() => TraceLibrary.Read(dir));
        Assert.Equal($"{Path.Combine(dir, "fits.parquet")}: the library index lists fits.parquet, but the file is missing", e.Message);
    }
}
