using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Der;

/// <summary>
/// One simulated hour of the IEEE 13 feeder with a PVSystem and a Storage defined in the feeder's DSS
/// file, both following daily load shapes (<c>load_shapes: daily</c>), stepped every 60 s; the Parquet
/// rows are read by DuckDB and checked against hand calculations: the PV's output is Pmpp x irradiance x
/// the shape point OpenDSS picks each minute, and the battery's energy moves by its charge power x 95 %
/// after its idling losses while charging and by its discharge power plus idling losses / 90 % while
/// discharging.
/// </summary>
public sealed class DssStorageAndPvCoSimulationTests : IDisposable
{
    private const string Feeder = """
        Redirect {repo}/grids/ieee13/ieee13.dss
        ! Irradiance shape: 15-minute points (OpenDSS uses the point nearest hours / interval).
        New LoadShape.sun npts=4 sinterval=900 mult=[0.2 0.6 1.0 0.4]
        New PVSystem.roof phases=3 bus1=675 kV=4.16 kVA=300 Pmpp=250 irradiance=0.9 pf=1 %cutin=0 %cutout=0 daily=sun
        ! Battery dispatch in pu of kWrated, one point a minute: charge at 0.5 for minutes 0-29, discharge at 0.8 for 30-59.
        New LoadShape.cycle npts=60 sinterval=60 mult=(file=cycle.txt)
        New Storage.bess phases=3 bus1=671 kV=4.16 kWrated=100 kVA=120 kWhrated=200 %stored=50 %reserve=10
        ~ %EffCharge=95 %EffDischarge=90 %IdlingkW=1 dispmode=follow daily=cycle
        """;

    private const string Scenario = """
        name: der-hour
        duration_s: 3600
        grid:
          type: opendss
          period_s: 60
          feeder: feeder.dss
          regulator_mode: off
          load_shapes: daily
          tolerance: 1e-9
        outputs: { plots: false, bus_voltages: false }
        """;

    private readonly TempScenario _scenario;
    private readonly string _runs;

    public DssStorageAndPvCoSimulationTests()
    {
        _scenario = new TempScenario(Scenario);
        File.WriteAllText(Path.Combine(_scenario.Directory, "feeder.dss"), Feeder.Replace("{repo}", Repo.Root, StringComparison.Ordinal));
        // Point k (1-based) applies at minute k; minute 0 takes the last point, 60.
        var points = Enumerable.Range(1, 60).Select(k => k is >= 30 and <= 59 ? "0.8" : "-0.5");
        File.WriteAllLines(Path.Combine(_scenario.Directory, "cycle.txt"), points);
        _runs = Path.Combine(_scenario.Directory, "run");
    }

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void Battery_energy_and_PV_output_follow_their_shapes_as_computed_by_hand()
    {
        var outcome = ScenarioRunner.Run(new RunRequest { ScenarioPath = _scenario.FilePath, OutputDirectory = _runs, Plots = false });
        Assert.True(outcome.Summary.Completed, outcome.Summary.Error);
        string attachments = Path.Combine(_runs, GridWriter.AttachmentsFile);
        var rows = Duck.Query($"""
            SELECT time_s, name, kind, power_a_kw + power_b_kw + power_c_kw, state_of_charge_fraction
            FROM read_parquet('{attachments}') ORDER BY time_s, name
            """);
        var battery = rows.Where(r => (string)r[1]! == "bess").ToList();
        var pv = rows.Where(r => (string)r[1]! == "roof").ToList();
        Assert.Equal(60, battery.Count);
        Assert.All(battery, r => Assert.Equal("battery", r[2]));
        Assert.All(pv, r => Assert.Equal("pv", r[2]));

        double soc = 0.5;
        for (int minute = 0; minute < 60; minute++)
        {
            // Power into the battery (a load's sign): +50 kW charging, -80 kW discharging; the energy reported at a
            // step includes every full interval before it, at the power of that interval.
            bool charging = minute < 30;
            Assert.Equal(charging ? 50.0 : -80.0, (double)battery[minute][3]!, 6);
            Assert.Equal(soc, (double)battery[minute][4]!, 9);
            double kwh = charging ? (50.0 - 1.0) * 0.95 / 60.0 : -(80.0 + 1.0) / 0.90 / 60.0;
            soc += kwh / 200.0;

            // Shape point nearest minute / 15: minutes 0-7 the last (0.4), 8-22 the first (0.2), 23-37 0.6, 38-52 1.0, 53-59 0.4.
            double shape = minute <= 7 ? 0.4 : minute <= 22 ? 0.2 : minute <= 37 ? 0.6 : minute <= 52 ? 1.0 : 0.4;
            Assert.Equal(-250.0 * 0.9 * shape, (double)pv[minute][3]!, 6);
        }
        // Hand totals: after 30 charging minutes 100 + 30 x 49 x 0.95 / 60 = 123.275 kWh; the last row (t = 3540 s)
        // adds 29 discharging minutes: 123.275 - 29 x 81 / 0.9 / 60 = 79.775 kWh.
        Assert.Equal(123.275 / 200.0, (double)battery[30][4]!, 9);
        Assert.Equal(79.775 / 200.0, (double)battery[59][4]!, 9);
    }
}
