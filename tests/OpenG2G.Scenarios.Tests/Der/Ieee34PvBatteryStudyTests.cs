using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Der;

/// <summary>
/// The shipped IEEE 34 study with rooftop PV and a battery (scenarios/ieee34/pv-battery-ofo.yaml),
/// shortened to 60 s: every PV system and the battery are reported, and the battery's state of
/// charge, read back by DuckDB, moves step by step exactly as its reported terminal power implies
/// under its stated ratings (1200 kWh, idling 0.5 % of 300 kW, efficiencies 95 %).
/// </summary>
public sealed class Ieee34PvBatteryStudyTests : IDisposable
{
    private readonly string _runs = Path.Combine(Path.GetTempPath(), "openg2g-pvbess-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_runs, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Battery_energy_follows_its_power_under_droop_control()
    {
        var outcome = ScenarioRunner.Run(new RunRequest
        {
            ScenarioPath = Path.Combine(Repo.Root, "scenarios", "ieee34", "pv-battery-ofo.yaml"),
            OutputDirectory = _runs,
            Overrides = ["duration_s=60"],
            Plots = false,
        });
        Assert.True(outcome.Summary.Completed, outcome.Summary.Error);
        string attachments = Path.Combine(_runs, GridWriter.AttachmentsFile);
        Assert.Equal(13, Duck.Scalar($"SELECT count(DISTINCT name) FROM read_parquet('{attachments}') WHERE kind = 'pv'"));
        var rows = Duck.Query($"""
            SELECT time_s, power_a_kw + power_b_kw + power_c_kw, state_of_charge_fraction
            FROM read_parquet('{attachments}') WHERE name = 'bess852' ORDER BY time_s
            """);
        Assert.Equal(600, rows.Count);
        Assert.Equal(0.5, (double)rows[0][2]!, 12);
        const double idlingKw = 0.005 * 300, capacityKwh = 1200, eff = 0.95;
        int moving = 0;
        for (int k = 1; k < rows.Count; k++)
        {
            double p = (double)rows[k - 1][1]!; // into the battery over the interval before row k
            double hours = ((double)rows[k][0]! - (double)rows[k - 1][0]!) / 3600.0;
            double kwh = Math.Abs(p - idlingKw) < 1e-9 ? 0.0 // idling: draws its losses from the feeder, stores nothing
                : p > 0 ? (p - idlingKw) * eff * hours
                : -(-p + idlingKw) / eff * hours;
            if (kwh != 0)
                moving++;
            Assert.Equal((double)rows[k - 1][2]! + kwh / capacityKwh, (double)rows[k][2]!, 12);
        }
        Assert.True(moving > 100, $"the droop controller should move the battery; it moved in {moving} intervals");
    }
}
