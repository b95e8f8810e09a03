using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Loading;

/// <summary>Every problem of a scenario is reported at once, each as file:line:column: path: message.</summary>
public class LoaderDiagnosticsTests
{
    /// <summary>A scenario with a negative period, a missing feeder, a misspelt key and an unknown controller type.</summary>
    public const string Malformed = """
        duration_s: 60
        trace_library: {repo}/traces
        grid:
          type: opendss
          period_s: -0.1
          feeder: missing/feeder.dss
        datacenters:
          - name: dc
            type: trace-replay
            period_s: 0.1
            bus: "671"
            capacity_gpus: 80
            modles:
              - { label: Llama-3.1-8B, itl_deadline_s: 0.08, initial_replicas: 8 }
        controllers:
          - name: ctl
            type: ofoo
            period_s: 1
        """;

    public static IReadOnlyList<string> ExpectedMalformed(string file) =>
    [
        $"{file}:5:13: grid.period_s: must be > 0, got -0.1",
        $"{file}:6:11: grid.feeder: file 'missing/feeder.dss' not found (resolved against the scenario's folder to {Path.Combine(Path.GetDirectoryName(file)!, "missing", "feeder.dss")})",
        $"{file}:8:5: datacenters[0].models: a datacenter needs at least one model or training job",
        $"{file}:13:5: datacenters[0].modles: unknown key 'modles'; did you mean 'models'?",
        $"{file}:17:11: controllers[0].type: unknown controller type 'ofoo'; did you mean 'ofo'?; known controller types: batch-schedule, load-shift, mpc, noop, ofo, pid, power-cap-schedule, rl, rule-based, storage-droop, tap-schedule",
    ];

    private static List<string> Errors(string yaml, params string[] overrides)
    {
        using var s = new TempScenario(yaml);
        var e = Assert.Throws<InvalidInputException>(() => ScenarioBuilder.Build(new ScenarioLoader().Load(s.FilePath, overrides)));
        return e.Errors.Select(d => d.ToString().Replace(s.FilePath, "S", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void A_malformed_scenario_reports_every_problem_in_file_order()
    {
        using var s = new TempScenario(Malformed);
        var e = Assert.Throws<InvalidInputException>(() => new ScenarioLoader().Load(s.FilePath));
        Assert.Equal(ExpectedMalformed(s.FilePath), e.Errors.Select(d => d.ToString()).ToList());
    }

    private const string Valid = """
        duration_s: 10
        trace_library: {repo}/traces
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
              - { label: Llama-3.1-8B, itl_deadline_s: 0.08, initial_replicas: 8 }
        controllers:
          - name: ctl
            type: noop
            period_s: 1
        """;

    [Fact]
    public void The_valid_base_scenario_loads_and_builds()
    {
        using var s = new TempScenario(Valid);
        var built = ScenarioBuilder.Build(new ScenarioLoader().Load(s.FilePath));
        Assert.Single(built.Setup.Datacenters);
        Assert.Equal(TimeSpan.FromSeconds(10), built.Setup.Duration);
        Assert.Equal(TimeSpan.FromTicks(1_000_000), built.Setup.Grid!.Period);
    }

    [Fact]
    public void A_wrong_value_type_names_what_was_expected()
    {
        Assert.Equal(
            ["S:12:20: datacenters[0].capacity_gpus: expected a whole number, got 'lots'"],
            Errors(Valid.Replace("capacity_gpus: 80", "capacity_gpus: lots", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_bad_enum_value_lists_the_allowed_ones()
    {
        Assert.Equal(
            ["S:6:19: grid.regulator_mode: expected one of off, static, timed, got 'auto'"],
            Errors(Valid.Replace("  feeder:", "  regulator_mode: auto\n  feeder:", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unknown_key_without_a_close_match_lists_the_accepted_keys()
    {
        Assert.Equal(
            ["S:1:1: colour: unknown key 'colour'; expected one of: controllers, datacenters, description, duration_s, grid, name, outputs, plugins, seed, trace_library, voltage_band"],
            Errors("colour: blue\n" + Valid));
    }

    [Fact]
    public void A_period_that_is_not_a_whole_number_of_ticks_is_refused_with_its_value()
    {
        Assert.Equal(
            ["S:5:13: grid.period_s: 0.00000001 s is not a whole number of 100 ns ticks; simulated time is exact and cannot round it"],
            Errors(Valid.Replace("  period_s: 0.1\n  feeder", "  period_s: 0.00000001\n  feeder", StringComparison.Ordinal)));
    }

    [Fact]
    public void Periods_must_nest_datacenter_grid_controller()
    {
        Assert.Equal(
            [
                "S:5:13: grid.period_s: the grid period (0.15 s) must be a whole multiple of datacenter 'dc''s period (0.1 s), so that every solve sees a fresh sample",
                "S:18:15: controllers[0].period_s: a controller period (1 s) must be a whole multiple of the grid period (0.15 s), so that every decision sees a fresh solve",
            ],
            Errors(Valid.Replace("  period_s: 0.1\n  feeder", "  period_s: 0.15\n  feeder", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_datacenter_type_used_as_a_controller_is_named_as_such()
    {
        Assert.Equal(
            ["S:17:11: controllers[0].type: 'trace-replay' is a datacenter type, not a controller type; known controller types: batch-schedule, load-shift, mpc, noop, ofo, pid, power-cap-schedule, rl, rule-based, storage-droop, tap-schedule"],
            Errors(Valid.Replace("type: noop", "type: trace-replay", StringComparison.Ordinal)));
    }

    [Fact]
    public void Controller_options_are_validated_through_their_record()
    {
        Assert.Equal(
            ["S:19:23: controllers[0].primal_step_size: must be > 0, got -0.5"],
            Errors(Valid.Replace("type: noop", "type: ofo", StringComparison.Ordinal) + "\n    primal_step_size: -0.5\n"));
    }

    [Fact]
    public void An_unknown_target_is_reported_with_a_suggestion()
    {
        Assert.Equal(
            ["S:19:15: controllers[0].targets[0]: no datacenter named 'dcc'; did you mean 'dc'?; datacenters: dc"],
            Errors(Valid + "\n    targets: [dcc]\n"));
    }

    [Fact]
    public void A_target_naming_a_datacenter_with_a_bad_type_is_not_reported_again()
    {
        Assert.Equal(
            ["S:9:11: datacenters[0].type: unknown datacenter type 'trace-replai'; did you mean 'trace-replay'?; known datacenter types: trace-replay"],
            Errors(Valid.Replace("type: trace-replay", "type: trace-replai", StringComparison.Ordinal) + "\n    targets: [dc]\n"));
    }

    [Fact]
    public void Overrides_apply_before_binding_and_their_problems_name_the_option()
    {
        Assert.Equal(
            ["--set grid.period_s=-1: grid.period_s: must be > 0, got -1"],
            Errors(Valid, "grid.period_s=-1"));
        Assert.Equal(
            ["--set controllers[3].period_s=2: controllers[3].period_s: index 3 is past the end of a list of 1"],
            Errors(Valid, "controllers[3].period_s=2"));
    }

    [Fact]
    public void An_override_replaces_the_written_value()
    {
        using var s = new TempScenario(Valid);
        var d = new ScenarioLoader().Load(s.FilePath, ["duration_s=2.5", "controllers[0].period_s=0.5"]);
        Assert.Equal(TimeSpan.FromSeconds(2.5), d.Duration);
        Assert.Equal(TimeSpan.FromSeconds(0.5), d.Controllers[0].Period);
    }

    [Fact]
    public void A_model_missing_from_the_trace_library_is_located_at_the_datacenter()
    {
        var errors = Errors(Valid.Replace("Llama-3.1-8B", "Llama-9-Nonexistent", StringComparison.Ordinal));
        var line = Assert.Single(errors);
        Assert.StartsWith("S:", line, StringComparison.Ordinal);
        Assert.Contains("datacenters[0].models[0]", line, StringComparison.Ordinal);
        Assert.Contains("Llama-9-Nonexistent", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_profile_file_is_reported_at_its_path_key()
    {
        string yaml = Valid.Replace("  feeder: {repo}/grids/ieee13/ieee13.dss", "  feeder: {repo}/grids/ieee13/ieee13.dss\n  pv:\n    - { name: pv1, bus: \"675\", peak_kw_per_phase: 10, profile: { kind: csv, path: profiles/sun.csv } }", StringComparison.Ordinal);
        using var s = new TempScenario(yaml);
        var e = Assert.Throws<InvalidInputException>(() => new ScenarioLoader().Load(s.FilePath));
        Assert.Equal(
            $"{s.FilePath}:8:83: grid.pv[0].profile.path: file 'profiles/sun.csv' not found (resolved against the scenario's folder to {Path.Combine(s.Directory, "profiles", "sun.csv")})",
            e.Errors.Single().ToString());
    }

    [Fact]
    public void A_missing_scenario_file_is_an_input_error()
    {
        var e = Assert.Throws<InvalidInputException>(() => new ScenarioLoader().Load("no/such/scenario.yaml"));
        Assert.Equal($"no/such/scenario.yaml: scenario file not found (looked for {Path.GetFullPath("no/such/scenario.yaml")})", e.Errors.Single().ToString());
    }
}
