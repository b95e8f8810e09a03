using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Plugins;

/// <summary>The sample plug-in (samples/CustomController), built with the tests and loaded by path.</summary>
public class PluginTests
{
    private static string Scenario(string controller, string extra = "") => $$"""
        duration_s: 5
        trace_library: {repo}/traces
        plugins:
          - path: {{Repo.SamplePlugin}}
        grid:
          type: opendss
          period_s: 0.1
          feeder: {repo}/grids/ieee13/ieee13.dss
        datacenters:
          - name: dc
            type: trace-replay
            period_s: 0.1
            bus: "671"
            capacity_gpus: 80
            models:
              - { label: Llama-3.1-8B, itl_deadline_s: 0.08, initial_replicas: 8, feasible_batch_sizes: [8, 16, 32, 64, 128] }
        controllers:
          - name: step
            type: {{controller}}
            period_s: 1
        {{extra}}
        """;

    private static List<string> Errors(string yaml)
    {
        using var s = new TempScenario(yaml);
        var e = Assert.Throws<InvalidInputException>(() => ScenarioBuilder.Build(new ScenarioLoader().Load(s.FilePath)));
        return e.Errors.Select(d => d.ToString().Replace(s.FilePath, "S", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void The_plugin_controller_runs_in_a_short_scenario_and_commands_batches()
    {
        using var s = new TempScenario(Scenario("voltage-step", "    threshold_pu: 1.2"));
        string output = Path.Combine(s.Directory, "run");
        RunOutcome o = ScenarioRunner.Run(new RunRequest { ScenarioPath = s.FilePath, OutputDirectory = output, Plots = false });
        // Every bus is below 1.2 pu, so each step at 0..4 s lowers the batch one size: 128 -> 64 -> ... -> 8.
        Assert.Equal(4, o.Summary.Commands);
        var batches = Duck.Query($"SELECT value FROM read_parquet('{Path.Combine(output, "commands.parquet")}') ORDER BY issued_time_s")
            .Select(r => Convert.ToDouble(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([64.0, 32.0, 16.0, 8.0], batches);
    }

    [Fact]
    public void Plugin_options_are_bound_to_its_record_and_validated_like_built_ins()
    {
        Assert.Equal(
            [
                "S:21:5: controllers[0].threshould_pu: unknown key 'threshould_pu'; did you mean 'threshold_pu'?",
                "S:22:20: controllers[0].hysteresis_pu: must be >= 0, got -1",
            ],
            Errors(Scenario("voltage-step", "    threshould_pu: 0.9\n    hysteresis_pu: -1")));
    }

    [Fact]
    public void A_wrong_type_name_lists_the_plugin_types_among_the_known_ones()
    {
        Assert.Equal(
            ["S:19:11: controllers[0].type: unknown controller type 'voltage-stepper'; did you mean 'voltage-step'?; known controller types: batch-schedule, load-shift, mpc, noop, ofo, pid, power-cap-schedule, rl, rule-based, storage-droop, tap-schedule, voltage-step"],
            Errors(Scenario("voltage-stepper")));
    }

    [Fact]
    public void A_plugin_type_that_is_not_a_controller_is_refused()
    {
        Assert.Equal(
            ["S:19:11: controllers[0].type: 'constant-load' is a datacenter type, not a controller type; known controller types: batch-schedule, load-shift, mpc, noop, ofo, pid, power-cap-schedule, rl, rule-based, storage-droop, tap-schedule, voltage-step"],
            Errors(Scenario("constant-load")));
    }

    [Fact]
    public void A_missing_plugin_assembly_is_reported_at_its_entry()
    {
        string yaml = Scenario("noop").Replace(Repo.SamplePlugin, "plugins/Missing.dll", StringComparison.Ordinal);
        using var s = new TempScenario(yaml);
        var e = Assert.Throws<InvalidInputException>(() => new ScenarioLoader().Load(s.FilePath));
        Assert.Equal(
            $"{s.FilePath}:4:11: plugins[0].path: plug-in assembly not found: {Path.Combine(s.Directory, "plugins", "Missing.dll")} (build the plug-in first)",
            e.Errors.Single().ToString());
    }

    [Fact]
    public void An_assembly_without_the_plugin_attribute_is_refused()
    {
        // The Scenarios library itself is a .NET assembly but not a plug-in.
        string notAPlugin = typeof(ScenarioLoader).Assembly.Location;
        string yaml = Scenario("noop").Replace(Repo.SamplePlugin, notAPlugin, StringComparison.Ordinal);
        Assert.Equal(
            ["S:4:11: plugins[0].path: assembly OpenG2G.Scenarios has no [assembly: OpenG2GPlugin(typeof(YourPlugin))] naming its IPlugin class"],
            Errors(yaml));
    }

    [Fact]
    public void A_plugin_datacenter_runs_beside_the_built_in_grid()
    {
        string yaml = Scenario("noop").Replace("type: trace-replay", "type: constant-load", StringComparison.Ordinal)
            .Replace("    capacity_gpus: 80\n    models:\n      - { label: Llama-3.1-8B, itl_deadline_s: 0.08, initial_replicas: 8, feasible_batch_sizes: [8, 16, 32, 64, 128] }\n", "    power_kw_per_phase: 250\n", StringComparison.Ordinal);
        using var s = new TempScenario(yaml);
        RunOutcome o = ScenarioRunner.Run(new RunRequest { ScenarioPath = s.FilePath, OutputDirectory = Path.Combine(s.Directory, "run"), Plots = false });
        Assert.Equal(750.0, o.Summary.Service.MeanPowerKw, 9);
    }

    [Fact]
    public void A_built_in_controller_whose_target_lacks_a_capability_is_refused_at_build()
    {
        string yaml = Scenario("ofo").Replace("type: trace-replay", "type: constant-load", StringComparison.Ordinal)
            .Replace("    capacity_gpus: 80\n    models:\n      - { label: Llama-3.1-8B, itl_deadline_s: 0.08, initial_replicas: 8, feasible_batch_sizes: [8, 16, 32, 64, 128] }\n", "    power_kw_per_phase: 250\n", StringComparison.Ordinal);
        var error = Assert.Single(Errors(yaml));
        Assert.StartsWith("S:16:5: controllers[0]: controller 'step' needs ", error, StringComparison.Ordinal);
        Assert.EndsWith("but 'dc' (ConstantLoadDatacenter) does not provide it", error, StringComparison.Ordinal);
    }
}
