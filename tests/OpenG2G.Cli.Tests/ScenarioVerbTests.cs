using System.Text.Json.Nodes;

namespace OpenG2G.Cli.Tests;

/// <summary><c>openg2g validate</c>, <c>run</c> and <c>schema</c> as a user calls them: a process, exit codes, stdout and stderr.</summary>
public class ScenarioVerbTests
{
    private const string Malformed = """
        duration_s: 60
        grid:
          type: opendss
          period_s: -0.1
          feeder: missing/feeder.dss
        datacenters:
          - name: dc
            type: trace-replay
            perod_s: 0.1
            bus: "671"
            capacity_gpus: 80
            models:
              - { label: Llama-3.1-8B, itl_deadline_s: 0.08, initial_replicas: 8 }
        controllers:
          - name: ctl
            type: ofoo
            period_s: 1
        """;

    [Fact]
    public void Validate_reports_each_problem_on_its_own_line_and_exits_2()
    {
        using var temp = CliProcess.TempFolder("validate");
        string dir = temp.Path;
        string file = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(file, Malformed);
        CliProcess.Result r = CliProcess.Run("validate", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal(
            [
                $"{file}:4:13: grid.period_s: must be > 0, got -0.1",
                $"{file}:5:11: grid.feeder: file 'missing/feeder.dss' not found (resolved against the scenario's folder to {Path.Combine(dir, "missing", "feeder.dss")})",
                $"{file}:7:5: datacenters[0].period_s: is required: the step period in seconds",
                $"{file}:9:5: datacenters[0].perod_s: unknown key 'perod_s'; did you mean 'period_s'?",
                $"{file}:16:11: controllers[0].type: unknown controller type 'ofoo'; did you mean 'ofo'?; known controller types: batch-schedule, load-shift, mpc, noop, ofo, pid, power-cap-schedule, rl, rule-based, storage-droop, tap-schedule",
            ],
            r.ErrorLines);
    }

    [Fact]
    public void Validate_accepts_the_shipped_scenario()
    {
        CliProcess.Result r = CliProcess.Run("validate", "scenarios/ieee13/ofo.yaml");
        Assert.Equal(0, r.ExitCode);
        // The estimate: 36,000 solves of 41 bus-phases, 3 attachments (dc, pv675, load680), 5 models.
        Assert.Equal(
            [
                "scenarios/ieee13/ofo.yaml: valid (1 datacenter(s), grid opendss, 1 controller(s))",
                "36,000 grid solves; outputs about 37.5 MB (and a few rows of commands and events):",
                "  bus_voltages.parquet           1,476,000 rows  about 25.8 MB",
                "  grid.parquet                      36,000 rows  about 1.62 MB",
                "  attachments.parquet              108,000 rows  about 4.97 MB",
                "  taps.parquet                           3 rows  about 90 B",
                "  datacenter_power.parquet          36,000 rows  about 1.33 MB",
                "  datacenter_models.parquet        180,000 rows  about 3.78 MB",
            ],
            r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Validate_says_when_a_run_would_need_a_larger_output_limit()
    {
        // 3e7 solves x 1042.5 B per solve (see the estimate above) = 31.3 GB, over the default 10 GB.
        CliProcess.Result r = CliProcess.Run("validate", "scenarios/ieee13/ofo.yaml", "--set", "duration_s=3e6");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("more than a run writes by default (10 GB): openg2g run needs --max-output-gb 32", r.Stdout.Trim().Split('\n')[^1].TrimEnd('\r'));
    }

    [Fact]
    public void Run_of_the_shipped_scenario_shortened_writes_the_run_folder_and_prints_the_summary()
    {
        using var temp = CliProcess.TempFolder("run");
        string dir = temp.Path;
        CliProcess.Result r = CliProcess.Run("run", "scenarios/ieee13/ofo.yaml", "--out", dir, "--set", "duration_s=30", "--seed", "3");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("voltage.violation_time_s", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("results: " + dir, r.Stdout, StringComparison.Ordinal);

        JsonNode summary = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!;
        Assert.Equal("completed", summary["run"]!["status"]!.GetValue<string>());
        Assert.Equal(300, summary["run"]!["grid_solves"]!.GetValue<long>());
        Assert.Equal(30, summary["run"]!["controller_steps"]!.GetValue<long>());
        Assert.Equal(3UL, summary["run"]!["seed"]!.GetValue<ulong>());
        foreach (string f in new[] { "scenario.yaml", "run.log", "bus_voltages.parquet", "datacenter_power.parquet", "datacenter_models.parquet", "commands.parquet", "events.parquet", "taps.parquet" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f + " is missing");
        foreach (string png in new[] { "voltage_envelope.png", "bus_voltages.png", "power_dc.png", "batch_dc.png", "itl_dc.png" })
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(dir, png));
            Assert.True(bytes.Length > 1000 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', png + " is not a PNG");
        }
    }

    [Fact]
    public void Run_quiet_prints_nothing_no_plots_draws_none_and_bus_voltages_can_be_turned_off()
    {
        using var temp = CliProcess.TempFolder("quiet");
        string dir = temp.Path;
        CliProcess.Result r = CliProcess.Run("run", "scenarios/ieee13/ofo.yaml", "--out", dir, "--set", "duration_s=2", "--set", "outputs.bus_voltages=false", "--quiet", "--no-plots");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Empty(Directory.GetFiles(dir, "*.png"));
        Assert.False(File.Exists(Path.Combine(dir, "bus_voltages.parquet")));
        Assert.True(File.Exists(Path.Combine(dir, "grid.parquet")));
    }

    [Fact]
    public void Run_with_an_invalid_override_exits_2_before_writing_anything()
    {
        string dir = Path.Combine(Path.GetTempPath(), "openg2g-cli-never-" + Guid.NewGuid().ToString("N"));
        CliProcess.Result r = CliProcess.Run("run", "scenarios/ieee13/ofo.yaml", "--out", dir, "--set", "controllers[0].period_s=0.15");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(
            ["--set controllers[0].period_s=0.15: controllers[0].period_s: a controller period (0.15 s) must be a whole multiple of the grid period (0.1 s), so that every decision sees a fresh solve"],
            r.ErrorLines);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_failing_plugin_controller_exits_1_naming_time_and_controller()
    {
        using var temp = CliProcess.TempFolder("fail");
        string dir = temp.Path;
        CliProcess.Result r = CliProcess.Run("run", "samples/CustomController/example.yaml", "--out", dir, "--quiet", "--no-plots",
            "--set", "plugins[0].path=" + CliProcess.SamplePlugin, "--set", "controllers[0].fail_at_s=2.5");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            ["simulation failed: at t=3 s: step: deliberate failure requested by fail_at_s = 2.5", $"partial results (summary marked failed): {dir}"],
            r.ErrorLines);
        Assert.Equal("failed", JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!["run"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void Schema_prints_the_checked_in_schema()
    {
        CliProcess.Result r = CliProcess.Run("schema");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(CliProcess.Repo, "schema", "scenario.schema.json")), r.Stdout);
    }

    [Fact]
    public void Schema_with_a_plugin_adds_its_types()
    {
        CliProcess.Result r = CliProcess.Run("schema", "--plugin", CliProcess.SamplePlugin);
        Assert.Equal(0, r.ExitCode);
        JsonNode schema = JsonNode.Parse(r.Stdout)!;
        var controllers = schema["properties"]!["controllers"]!["items"]!["oneOf"]!.AsArray()
            .Select(v => v!["properties"]!["type"]!["const"]!.GetValue<string>()).ToList();
        Assert.Contains("voltage-step", controllers);
        JsonNode step = schema["properties"]!["controllers"]!["items"]!["oneOf"]!.AsArray()
            .Single(v => v!["properties"]!["type"]!["const"]!.GetValue<string>() == "voltage-step")!;
        Assert.Equal(0.96, step["properties"]!["threshold_pu"]!["default"]!.GetValue<double>());
    }

    [Fact]
    public void Schema_with_a_missing_plugin_exits_2()
    {
        CliProcess.Result r = CliProcess.Run("schema", "--plugin", "no/such.dll");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal([$"--plugin no/such.dll: plug-in assembly not found: {Path.Combine(CliProcess.Repo, "no", "such.dll")} (build the plug-in first)"], r.ErrorLines);
    }
}
