using System.Text.Json.Nodes;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Results;

/// <summary>
/// The run folder's Parquet files, read by DuckDB (an independent reader): documented columns and
/// types, row counts implied by the periods, and the summary's metrics recomputed in SQL from the rows.
/// </summary>
public class ParquetContractTests(ShortRun run) : IClassFixture<ShortRun>
{
    [Fact]
    public void Every_family_has_its_documented_columns_and_types()
    {
        Assert.Equal(["time_s DOUBLE", "bus VARCHAR", "phase INTEGER", "voltage_pu DOUBLE", "angle_deg DOUBLE"],
            Duck.Columns(run.PathOf(BusVoltageWriter.FileName)));
        Assert.Equal(["time_s DOUBLE", "datacenter VARCHAR", "power_a_kw DOUBLE", "power_b_kw DOUBLE", "power_c_kw DOUBLE", "power_total_kw DOUBLE", "training_power_kw DOUBLE"],
            Duck.Columns(run.PathOf(DatacenterWriter.PowerFile)));
        Assert.Equal(["time_s DOUBLE", "datacenter VARCHAR", "model VARCHAR", "batch_size INTEGER", "active_replicas INTEGER", "itl_s DOUBLE", "throughput_tokens_per_s DOUBLE", "throughput_source VARCHAR", "power_kw DOUBLE", "power_cap_w DOUBLE"],
            Duck.Columns(run.PathOf(DatacenterWriter.ModelsFile)));
        Assert.Equal(["time_s DOUBLE", "datacenter VARCHAR", "job VARCHAR", "gpus INTEGER", "power_kw DOUBLE", "power_cap_w DOUBLE", "training_throughput_fraction DOUBLE"],
            Duck.Columns(run.PathOf(DatacenterWriter.TrainingFile)));
        Assert.Equal(["issued_time_s DOUBLE", "applied_time_s DOUBLE", "source VARCHAR", "target VARCHAR", "command VARCHAR", "subject VARCHAR", "value DOUBLE", "detail VARCHAR"],
            Duck.Columns(run.PathOf(CommandEventWriter.CommandsFile)));
        Assert.Equal(["time_s DOUBLE", "source VARCHAR", "kind VARCHAR", "message VARCHAR"],
            Duck.Columns(run.PathOf(CommandEventWriter.EventsFile)));
        Assert.Equal(["time_s DOUBLE", "regulator VARCHAR", "tap_ratio_pu DOUBLE", "tap_step INTEGER"],
            Duck.Columns(run.PathOf(GridWriter.TapsFile)));
        Assert.Equal(["time_s DOUBLE", "name VARCHAR", "kind VARCHAR", "bus VARCHAR", "power_a_kw DOUBLE", "power_b_kw DOUBLE", "power_c_kw DOUBLE", "reactive_power_a_kvar DOUBLE", "reactive_power_b_kvar DOUBLE", "reactive_power_c_kvar DOUBLE", "state_of_charge_fraction DOUBLE"],
            Duck.Columns(run.PathOf(GridWriter.AttachmentsFile)));
        Assert.Equal(["time_s DOUBLE", "source_power_kw DOUBLE", "source_reactive_power_kvar DOUBLE", "losses_kw DOUBLE", "iterations INTEGER", "min_voltage_pu DOUBLE", "max_voltage_pu DOUBLE"],
            Duck.Columns(run.PathOf(GridWriter.GridFile)));
    }

    [Fact]
    public void Row_counts_follow_from_duration_and_periods()
    {
        // 20 s at 0.1 s: 200 grid solves and 200 datacenter steps at t = 0, 0.1, ..., 19.9.
        string v = run.PathOf(BusVoltageWriter.FileName);
        double nodes = Duck.Scalar($"SELECT count(DISTINCT (bus, phase)) FROM read_parquet('{v}')");
        Assert.Equal(200 * nodes, Duck.Scalar($"SELECT count(*) FROM read_parquet('{v}')"));
        Assert.Equal(200, Duck.Scalar($"SELECT count(DISTINCT time_s) FROM read_parquet('{v}')"));
        Assert.Equal(19.9, Duck.Scalar($"SELECT max(time_s) FROM read_parquet('{v}')"), 12);
        Assert.Equal(200 * 5, Duck.Scalar($"SELECT count(*) FROM read_parquet('{run.PathOf(DatacenterWriter.ModelsFile)}')"));
        // Written in row groups of 1000 rows as the run went: 200 x nodes rows make ceil(200 x nodes / 1000) groups.
        Assert.Equal(Math.Ceiling(200 * nodes / 1000), Duck.Scalar($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{v}')"));
        Assert.Equal(1000, Duck.Scalar($"SELECT max(row_group_num_rows) FROM parquet_metadata('{v}')"));
        // The IEEE 13 regulators' three initial taps (steps 14, 6, 15 from the scenario) are the first rows.
        var taps = Duck.Query($"SELECT regulator, tap_step FROM read_parquet('{run.PathOf(GridWriter.TapsFile)}') WHERE time_s = 0 ORDER BY regulator");
        Assert.Equal(["creg1a 14", "creg1b 6", "creg1c 15"], taps.Select(r => $"{r[0]} {r[1]}").ToList());
    }

    [Fact]
    public void The_datacenter_attachment_draws_the_reported_power_and_follows_OpenDSS_below_0_95_pu()
    {
        // OpenDSS model-1 behaviour (Load.pas; docs/grid.md): at v >= 0.95 pu the load draws its setpoint.
        // Between vlowpu 0.5 and vminpu 0.95 its current magnitude is interpolated linearly in |V|, from
        // the nominal admittance's current at 0.5 pu (0.5 P in pu of the setpoint) to the setpoint's current
        // at 0.95 pu (P / 0.95), so P(v) = v (0.5 + (1 / 0.95 - 0.5) (v - 0.5) / 0.45) P_set.
        // Hand check: at v = 0.9326, 0.9326 (0.5 + 0.552632 x 0.961333) = 0.96176.
        string sql = $"""
            SELECT max(abs(a.power_a_kw - d.power_a_kw)) FILTER (WHERE va.voltage_pu >= 0.95),
                   max(abs(a.power_a_kw / (d.power_a_kw * va.voltage_pu * (0.5 + (1 / 0.95 - 0.5) * (va.voltage_pu - 0.5) / 0.45)) - 1)) FILTER (WHERE va.voltage_pu < 0.95),
                   max(abs(a.power_a_kw / (d.power_a_kw * pow(va.voltage_pu / 0.95, 2)) - 1)) FILTER (WHERE va.voltage_pu < 0.95),
                   count(*) FILTER (WHERE va.voltage_pu < 0.95),
                   count(*)
            FROM read_parquet('{run.PathOf(GridWriter.AttachmentsFile)}') a
            JOIN read_parquet('{run.PathOf(DatacenterWriter.PowerFile)}') d ON a.time_s = d.time_s AND a.name = d.datacenter
            JOIN read_parquet('{run.PathOf(BusVoltageWriter.FileName)}') va ON va.time_s = a.time_s AND va.bus = a.bus AND va.phase = 1
            """;
        object?[] row = Duck.Query(sql).Single();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(200L, Convert.ToInt64(row[4], inv));
        Assert.True(Convert.ToInt64(row[3], inv) > 0, "the 0.97 pu source should take bus 671 phase A below 0.95 pu");
        if (row[0] is not null)
        {
            double constantPower = Convert.ToDouble(row[0], inv);
            Assert.True(constantPower < 1e-6, $"at or above 0.95 pu the attachment should draw the setpoint; differs by {constantPower} kW");
        }
        double interpolated = Convert.ToDouble(row[1], inv);
        Assert.True(interpolated < 1e-9, $"below 0.95 pu the attachment should follow OpenDSS's interpolated current; relative difference {interpolated}");
        // And the law is not the pure impedance one: the first snapshot sits near 0.93 pu, where the two differ by ~0.2 %.
        Assert.True(Convert.ToDouble(row[2], inv) > 1e-3, "expected a visible difference from (v / 0.95)^2 this far below 0.95 pu");
    }

    [Fact]
    public void Phase_powers_add_up_to_the_total()
    {
        string p = run.PathOf(DatacenterWriter.PowerFile);
        Assert.True(Duck.Scalar($"SELECT max(abs(power_a_kw + power_b_kw + power_c_kw - power_total_kw)) FROM read_parquet('{p}')") < 1e-9);
    }

    [Fact]
    public void The_summary_voltage_metrics_match_a_recomputation_from_the_voltage_rows()
    {
        JsonNode summary = JsonNode.Parse(File.ReadAllText(run.PathOf(SummaryWriter.FileName)))!;
        string v = run.PathOf(BusVoltageWriter.FileName);
        // The published definition, restated in SQL: s_t summed over counted bus-phases; dt = 0.1 s.
        string perSnapshot = $"""
            SELECT time_s, sum(greatest(0.95 - voltage_pu, 0) + greatest(voltage_pu - 1.05, 0)) AS s
            FROM read_parquet('{v}')
            WHERE bus NOT IN ('sourcebus', '650', 'rg60') AND NOT isnan(voltage_pu)
            GROUP BY time_s
            """;
        double violationTime = Duck.Scalar($"SELECT count(*) FILTER (WHERE s > 0) * 0.1 FROM ({perSnapshot})");
        double integral = Duck.Scalar($"SELECT sum(s) * 0.1 FROM ({perSnapshot})");
        double vmin = Duck.Scalar($"SELECT min(voltage_pu) FROM read_parquet('{v}') WHERE bus NOT IN ('sourcebus', '650', 'rg60')");
        double vmax = Duck.Scalar($"SELECT max(voltage_pu) FROM read_parquet('{v}') WHERE bus NOT IN ('sourcebus', '650', 'rg60')");

        Assert.True(integral > 0.1, $"the 0.97 pu source should make the short run violate, got {integral} pu·s");
        Assert.Equal(violationTime, summary["voltage"]!["violation_time_s"]!.GetValue<double>(), 9);
        Assert.Equal(integral, summary["voltage"]!["integral_violation_pu_s"]!.GetValue<double>(), 9);
        Assert.Equal(vmin, summary["voltage"]!["worst_vmin_pu"]!.GetValue<double>(), 12);
        Assert.Equal(vmax, summary["voltage"]!["worst_vmax_pu"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void The_summary_throughput_is_the_time_mean_of_the_reported_throughput_and_the_nominal_one_the_published_formula()
    {
        JsonNode summary = JsonNode.Parse(File.ReadAllText(run.PathOf(SummaryWriter.FileName)))!;
        string m = run.PathOf(DatacenterWriter.ModelsFile);
        // One site: the time mean is the sum over its states divided by the number of its states (instants).
        double measured = Duck.Scalar($"SELECT sum(throughput_tokens_per_s) / count(DISTINCT time_s) FROM read_parquet('{m}')");
        double nominal = Duck.Scalar($"""
            SELECT sum(batch_size / itl_s * active_replicas) FILTER (WHERE active_replicas > 0 AND NOT isnan(itl_s) AND itl_s > 0)
                   / count(DISTINCT time_s)
            FROM read_parquet('{m}')
            """);
        double power = Duck.Scalar($"SELECT sum(power_total_kw) / count(DISTINCT time_s) FROM read_parquet('{run.PathOf(DatacenterWriter.PowerFile)}')");
        AssertRelative(measured, summary["service"]!["mean_throughput_tokens_per_s"]!.GetValue<double>());
        AssertRelative(nominal, summary["service"]!["nominal_throughput_tokens_per_s"]!.GetValue<double>());
        AssertRelative(power, summary["datacenter"]!["mean_power_kw"]!.GetValue<double>());
        Assert.Equal(200, summary["run"]!["grid_solves"]!.GetValue<long>());
        Assert.Equal("completed", summary["run"]!["status"]!.GetValue<string>());

        var perModel = Duck.Query($"""
            SELECT model, sum(throughput_tokens_per_s) / count(DISTINCT time_s),
                   sum(batch_size / itl_s * active_replicas) FILTER (WHERE active_replicas > 0 AND NOT isnan(itl_s) AND itl_s > 0) / count(DISTINCT time_s),
                   sum(power_kw) * 1000 / sum(throughput_tokens_per_s),
                   quantile_cont(itl_s, 0.5) FILTER (WHERE active_replicas > 0 AND NOT isnan(itl_s)),
                   quantile_cont(itl_s, 0.9) FILTER (WHERE active_replicas > 0 AND NOT isnan(itl_s)),
                   quantile_cont(itl_s, 0.99) FILTER (WHERE active_replicas > 0 AND NOT isnan(itl_s)),
                   max(CASE throughput_source WHEN 'measured' THEN 1 WHEN 'interpolated' THEN 2 WHEN 'extrapolated' THEN 3 END) FILTER (WHERE active_replicas > 0),
                   avg(CASE WHEN throughput_source = 'measured' THEN 1.0 ELSE 0.0 END) FILTER (WHERE active_replicas > 0)
            FROM read_parquet('{m}') GROUP BY model ORDER BY model
            """);
        JsonArray models = summary["service"]!["models"]!.AsArray();
        Assert.Equal(perModel.Select(r => (string)r[0]!), models.Select(x => x!["model"]!.GetValue<string>()));
        foreach (var (row, json) in perModel.Zip(models))
        {
            AssertRelative(D(row[1]), json!["mean_throughput_tokens_per_s"]!.GetValue<double>());
            AssertRelative(D(row[2]), json["nominal_throughput_tokens_per_s"]!.GetValue<double>());
            // J/token: the model's GPU energy over its tokens (one site, one step length: the dt cancels).
            AssertRelative(D(row[3]), json["energy_per_token_j"]!.GetValue<double>());
            AssertRelative(D(row[4]), json["itl_p50_s"]!.GetValue<double>());
            AssertRelative(D(row[5]), json["itl_p90_s"]!.GetValue<double>());
            AssertRelative(D(row[6]), json["itl_p99_s"]!.GetValue<double>());
            // The least trustworthy source the model ran at, and the share of samples at measured batch sizes.
            Assert.Equal(new[] { "measured", "interpolated", "extrapolated" }[Convert.ToInt32(row[7], System.Globalization.CultureInfo.InvariantCulture) - 1],
                json["throughput_source"]!.GetValue<string>());
            Assert.Equal(D(row[8]), json["measured_throughput_time_fraction"]!.GetValue<double>(), 12);
        }
        double tokens = Duck.Scalar($"SELECT sum(throughput_tokens_per_s) FROM read_parquet('{m}')");
        double gpuJ = Duck.Scalar($"SELECT sum(power_kw) * 1000 FROM read_parquet('{m}')");
        AssertRelative(gpuJ / tokens, summary["service"]!["energy_per_token_j"]!.GetValue<double>());
    }

    private static double D(object? value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, got {actual:R} (relative {Math.Abs(actual - expected) / Math.Abs(expected):E2})");

    [Fact]
    public void Commands_in_the_log_are_the_batch_changes_seen_in_the_states()
    {
        // Every SetBatchSize is applied right after the controller step, so the next datacenter state shows it.
        var commands = Duck.Query($"SELECT applied_time_s, subject, value FROM read_parquet('{run.PathOf(CommandEventWriter.CommandsFile)}') WHERE command = 'SetBatchSize'");
        Assert.NotEmpty(commands);
        string m = run.PathOf(DatacenterWriter.ModelsFile);
        foreach (var c in commands)
        {
            double t = Convert.ToDouble(c[0], System.Globalization.CultureInfo.InvariantCulture) + 0.1;
            double batch = Duck.Scalar($"SELECT batch_size FROM read_parquet('{m}') WHERE model = '{c[1]}' AND abs(time_s - {t.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}) < 1e-9");
            Assert.Equal(Convert.ToDouble(c[2], System.Globalization.CultureInfo.InvariantCulture), batch);
        }
    }

    [Fact]
    public void The_resolved_scenario_loads_again_and_names_the_same_components()
    {
        var again = new OpenG2G.Scenarios.Loading.ScenarioLoader().Load(run.PathOf(ResolvedScenarioWriter.FileName));
        Assert.Equal(TimeSpan.FromSeconds(20), again.Duration);
        Assert.Equal(["dc"], again.Datacenters.Select(d => d.Name));
        Assert.Equal(["ofo"], again.Controllers.Select(c => c.Name));
        Assert.Equal(0.97, ((Grid.Components.OpenDssGridOptions)again.Grid!.Options).SourcePu);
    }
}
