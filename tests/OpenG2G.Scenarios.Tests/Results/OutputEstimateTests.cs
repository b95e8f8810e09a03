using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Results;

/// <summary>
/// The output estimate against a real run (rows counted by DuckDB, bytes by the file system), and the
/// output limit: a run that would write more is refused before anything is written.
/// </summary>
public class OutputEstimateTests
{
    [Fact]
    public void Rows_are_exact_and_bytes_within_a_quarter_for_a_ten_minute_run()
    {
        string[] overrides = ["duration_s=600"];
        OutputEstimate estimate = OutputEstimate.Of(ScenarioRunner.Prepare(Repo.Ieee13Ofo, overrides));
        using var dir = new TempScenario("unused: 0\n");
        string output = Path.Combine(dir.Directory, "run");
        ScenarioRunner.Run(new RunRequest { ScenarioPath = Repo.Ieee13Ofo, OutputDirectory = output, Overrides = overrides, Plots = false });

        Assert.Equal(6000, estimate.GridSolves);
        foreach (TableEstimate t in estimate.Tables)
        {
            string file = Path.Combine(output, t.File);
            long rows = (long)Duck.Scalar($"SELECT count(*) FROM read_parquet('{file}')");
            if (t.File == GridWriter.TapsFile)
                Assert.True(rows >= t.Rows, $"{t.File}: {rows} rows, at least {t.Rows} expected");
            else
                Assert.Equal(t.Rows, rows);
            if (t.Rows > 10_000)
                Assert.InRange(t.Bytes / (double)new FileInfo(file).Length, 0.75, 1.25);
        }
    }

    [Fact]
    public void A_run_over_the_limit_is_refused_at_its_duration_before_anything_is_written()
    {
        using var dir = new TempScenario("unused: 0\n");
        string output = Path.Combine(dir.Directory, "run");
        var e = Assert.Throws<InvalidInputException>(() => ScenarioRunner.Run(new RunRequest
        {
            ScenarioPath = Repo.Ieee13Ofo, OutputDirectory = output, Overrides = ["duration_s=3e8"],
        }));

        // 3e9 solves x (41 bus rows x 17.5 B + 45 B grid + 3 x 46 B attachments + 37 B power + 5 x 21 B models)
        // = 3.1275e12 B, of which bus voltages 2.1525e12 B; 3128 GB lets it through.
        Assert.Equal(
            ["--set duration_s=3e8: duration_s: the run would write about 3.13 TB (bus_voltages.parquet about 2.15 TB), more than the limit of 10 GB; shorten duration_s, set outputs.bus_voltages: false, or allow it with --max-output-gb 3128"],
            e.Errors.Select(x => x.ToString()).ToList());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void The_limit_can_be_lowered_and_raised()
    {
        // 36000 s writes about 375 MB: refused under a 300 MB limit, started under 1 GB (and stopped at once).
        using var dir = new TempScenario("unused: 0\n");
        RunRequest request = new()
        {
            ScenarioPath = Repo.Ieee13Ofo, OutputDirectory = Path.Combine(dir.Directory, "run"), Overrides = ["duration_s=36000"], Plots = false,
        };
        Assert.Throws<InvalidInputException>(() => ScenarioRunner.Run(request with { MaxOutputBytes = 300_000_000 }));

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        RunOutcome o = ScenarioRunner.Run(request with { MaxOutputBytes = 1_000_000_000, Cancellation = cancel.Token });
        Assert.Equal("interrupted", o.Summary.Status);
        Assert.Equal(0.0, o.Summary.SimulatedTimeS);
    }
}
