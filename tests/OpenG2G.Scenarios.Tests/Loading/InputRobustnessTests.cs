using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Loading;

/// <summary>
/// Input the loader used to take, clamp, crash on or report twice: non-finite numbers, unclosed YAML
/// collections, problems only building finds, durations the grid cannot end on, scenarios with nothing to
/// simulate, taps beyond a regulator's range. Whole messages, with file:line:column, pinned.
/// </summary>
public class InputRobustnessTests
{
    // Lines: 1 duration_s, 3 grid, 5 period_s, 6 feeder, 7 source_pu, 8 datacenters, 12 bus, 15 models entry, 17 controllers.
    private const string Valid = """
        duration_s: 10
        trace_library: {repo}/traces
        grid:
          type: opendss
          period_s: 0.1
          feeder: {repo}/grids/ieee13/ieee13.dss
          source_pu: 1.0
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

    /// <summary>The problems <see cref="ScenarioRunner.Prepare"/> (what validate and run do) reports, file shortened to S.</summary>
    private static List<string> Errors(string yaml, params string[] overrides)
    {
        using var s = new TempScenario(yaml);
        var e = Assert.Throws<InvalidInputException>(() => ScenarioRunner.Prepare(s.FilePath, overrides));
        return e.Errors.Select(d => d.ToString().Replace(s.FilePath, "S", StringComparison.Ordinal)).ToList();
    }

    private static string With(string from, string to) => Valid.Replace(from, to, StringComparison.Ordinal);

    [Theory]
    [InlineData(".nan")]
    [InlineData(".inf")]
    [InlineData("-.inf")]
    [InlineData("NaN")]
    [InlineData("1e999")]
    public void A_non_finite_number_in_the_file_is_refused(string value)
    {
        Assert.Equal(
            [$"S:7:14: grid.source_pu: expected a finite number, got '{value}' (NaN and infinities are not allowed)"],
            Errors(With("source_pu: 1.0", "source_pu: " + value)));
    }

    [Fact]
    public void A_non_finite_override_is_refused()
    {
        Assert.Equal(
            ["--set grid.source_pu=.nan: grid.source_pu: expected a finite number, got '.nan' (NaN and infinities are not allowed)"],
            Errors(Valid, "grid.source_pu=.nan"));
    }

    [Fact]
    public void A_type_error_is_reported_once_without_a_range_message_about_the_default()
    {
        Assert.Equal(["S:1:13: duration_s: expected a number, got 'ten'"], Errors(With("duration_s: 10", "duration_s: ten")));
        Assert.Equal(["S:11:15: datacenters[0].period_s: expected a number, got 'fast'"], Errors(With("    period_s: 0.1\n    bus", "    period_s: fast\n    bus")));
    }

    [Fact]
    public void An_unclosed_flow_mapping_followed_by_more_lines_is_located_at_its_brace()
    {
        Assert.Equal(
            ["S:15:9: not valid YAML: this '{' is never closed: close the flow mapping with '}' before the next key (parsing stopped at line 16, column 1)"],
            Errors(With("initial_replicas: 8 }", "initial_replicas: 8")));
    }

    [Fact]
    public void An_unclosed_flow_sequence_followed_by_more_lines_is_located_at_its_bracket()
    {
        Assert.Equal(
            ["S:8:19: not valid YAML: this '[' is never closed: close the flow sequence with ']' before the next key (parsing stopped at line 9, column 1)"],
            Errors(With("  source_pu: 1.0\n", "  source_pu: 1.0\n  excluded_buses: [650, rg60\n")));
    }

    [Fact]
    public void A_run_reports_an_unclosed_collection_as_validate_does()
    {
        using var s = new TempScenario(With("initial_replicas: 8 }", "initial_replicas: 8"));
        var e = Assert.Throws<InvalidInputException>(() => ScenarioRunner.Run(new RunRequest { ScenarioPath = s.FilePath, OutputDirectory = Path.Combine(s.Directory, "run") }));
        Assert.Equal(
            [$"{s.FilePath}:15:9: not valid YAML: this '{{' is never closed: close the flow mapping with '}}' before the next key (parsing stopped at line 16, column 1)"],
            e.Errors.Select(d => d.ToString()).ToList());
        Assert.False(Directory.Exists(Path.Combine(s.Directory, "run")));
    }

    [Fact]
    public void Problems_only_building_finds_come_in_the_same_pass_at_the_key_at_fault()
    {
        // The bus is checked against the feeder when the grid is built; the duration's type by the loader.
        Assert.Equal(
            [
                "S:1:13: duration_s: expected a number, got 'ten'",
                "S:12:10: datacenters[0].bus: attachment 'dc': bus '6710' is not in the feeder",
            ],
            Errors(With("duration_s: 10", "duration_s: ten").Replace("bus: \"671\"", "bus: \"6710\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_duration_that_is_not_a_whole_number_of_grid_periods_is_refused()
    {
        Assert.Equal(
            ["S:1:13: duration_s: 10.05 s is not a whole number of grid periods (0.1 s): the last 0.05 s would have no solve; use 10 or 10.1"],
            Errors(With("duration_s: 10", "duration_s: 10.05")));
    }

    [Fact]
    public void A_scenario_with_neither_grid_nor_datacenters_is_refused()
    {
        Assert.Equal(
            ["S:1:1: nothing to simulate: the scenario has no grid and no datacenters; add a grid entry, a datacenters list, or both"],
            Errors("duration_s: 10\n"));
    }

    [Fact]
    public void Initial_taps_beyond_the_regulator_range_are_refused_at_their_key()
    {
        Assert.Equal(
            [
                "S:8:45: grid.initial_taps[0].step: tap step 99 gives ratio 1.61875, outside the range of 'creg1a' [0.9, 1.1] (steps -16 to 16)",
                "S:8:79: grid.initial_taps[1].ratio: ratio 1.5 is outside the range of 'creg1b' [0.9, 1.1] (steps -16 to 16)",
            ],
            Errors(With("  source_pu: 1.0\n", "  source_pu: 1.0\n  initial_taps: [{ regulator: creg1a, step: 99 }, { regulator: creg1b, ratio: 1.5 }]\n")));
    }

    // Found by the fuzzer (Fuzzing/ReaderFuzzTests): each used to throw NullReferenceException or OverflowException.

    [Fact]
    public void A_null_list_is_a_type_error_not_a_crash()
    {
        Assert.Equal(["S:20:13: controllers[0].targets: expected a list, got null"], Errors(Valid + "\n    targets:\n"));
    }

    [Fact]
    public void A_datacenter_without_a_bus_is_reported_and_the_grid_built_without_it()
    {
        Assert.Equal(["S:12:10: datacenters[0].bus: expected text, got null"], Errors(With("bus: \"671\"", "bus: ~")));
    }

    [Fact]
    public void A_ramp_beyond_the_representable_time_is_refused()
    {
        Assert.Equal(
            ["S:9:5: datacenters[0]: ramp end_s 1E+308 s is out of range: simulated time reaches about 922337203685 s"],
            Errors(With("initial_replicas: 8 }", "initial_replicas: 8, ramps: [{ start_s: 1, end_s: 1e308, target: 4 }] }")));
    }
}
