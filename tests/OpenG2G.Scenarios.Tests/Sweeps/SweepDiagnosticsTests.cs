using OpenG2G.Core.Diagnostics;
using OpenG2G.Scenarios.Sweeps;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Sweeps;

/// <summary>Problems in sweep files are reported before anything runs, every one at once, at the sweep file's line.</summary>
public class SweepDiagnosticsTests
{
    private static List<string> Problems(string yaml, bool checkRuns = true)
    {
        using var file = new TempScenario(yaml, "sweep.yaml");
        var e = Assert.Throws<InvalidInputException>(() => SweepLoader.Load(file.FilePath, checkRuns));
        return e.Errors.Select(d => d.ToString().Replace(file.FilePath, "sweep.yaml", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public void A_misspelled_scenario_path_is_reported_at_the_axis_that_sets_it()
    {
        var problems = Problems(SweepFiles.Header() + """

            axes:
              - { name: v, parameter: grid.source_pux, values: [0.97, 1.0] }
            """);
        Assert.Equal(["sweep.yaml:6:27: grid.source_pux: unknown key 'source_pux'; did you mean 'source_pu'? (run 00000: grid.source_pux=0.97)"], problems);
    }

    [Fact]
    public void A_value_the_scenario_refuses_is_reported_once_at_its_axis_with_the_first_run_that_has_it()
    {
        var problems = Problems(SweepFiles.Header() + """

            axes:
              - { name: step, parameter: "controllers[0].primal_step_size", values: [0.1, -1] }
              - { name: v, parameter: grid.source_pu, values: [0.97, 1.0] }
            """);
        Assert.Equal(["sweep.yaml:6:30: controllers[0].primal_step_size: must be > 0, got -1 (run 00002: controllers[0].primal_step_size=-1)"], problems);
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_at_once()
    {
        var problems = Problems($$"""
            scenario: {{Repo.Root}}/scenarios/ieee13/ofo.yaml
            seeds: [1, 1]
            axes:
              - { parameter: grid.source_pu }
              - zip:
                  - { parameter: "controllers[0].primal_step_size", values: [0.1, 0.2] }
                  - { parameter: "controllers[0].switching_weight", values: [1] }
              - { parameter: grid.period_s, range: { from: 1, to: -1, count: 3, scale: log } }
              - { name: x, parameter: "datacenters[0].bus", values: ["671"], range: { from: 1, to: 2, count: 2 } }
            derived:
              - { parameter: "datacenters[0].base_load_kw_per_phase", value: "gpus * 2 +" }
              - { parameter: "datacenters[0].capacity_gpus", value: "nope * 2" }
            """, checkRuns: false);
        Assert.Equal(
        [
            "sweep.yaml:2:8: seeds: lists a seed twice",
            "sweep.yaml:4:5: axes[0]: give the axis's values: one of values, range, zip, random, search, scenarios or one_at_a_time",
            "sweep.yaml:7:9: axes[1].zip[1]: has 1 values, but zip[0] has 2: zipped axes vary together and need the same number",
            "sweep.yaml:8:76: axes[2].range.scale: log spacing needs from and to > 0, got 1 and -1",
            "sweep.yaml:9:5: axes[3]: give exactly one of values, range, zip, random, search, scenarios or one_at_a_time",
            "sweep.yaml:11:66: derived[0].value: column 11 of 'gpus * 2 +': the expression ends too early",
            "sweep.yaml:12:57: derived[1].value: 'nope' is not the name of an axis or an earlier derived parameter; names: (none)",
        ], problems);
    }

    [Fact]
    public void A_search_condition_names_a_summary_metric()
    {
        var problems = Problems(SweepFiles.Header() + """

            axes:
              - name: gpus
                parameter: "datacenters[0].capacity_gpus"
                search: { low: 100, high: 10, tolerance: 0, until: "voltage.violation_tme_s <= 36" }
            """, checkRuns: false);
        Assert.Equal(
        [
            "sweep.yaml:8:31: axes[0].search.high: needs finite low < high, got low 100 and high 10",
            "sweep.yaml:8:46: axes[0].search.tolerance: must be > 0, got 0",
            "sweep.yaml:8:56: axes[0].search.until: unknown summary metric 'voltage.violation_tme_s'; did you mean 'voltage.violation_time_s'?",
        ], problems);
    }

    [Fact]
    public void A_missing_sweep_or_scenario_file_is_named()
    {
        using var file = new TempScenario("scenario: nowhere.yaml\naxes:\n  - { parameter: grid.source_pu, values: [1] }\n", "sweep.yaml");
        var e = Assert.Throws<InvalidInputException>(() => SweepLoader.Load(file.FilePath));
        Assert.Equal($"{file.FilePath}:1:11: scenario: scenario file not found (looked for {Path.Combine(file.Directory, "nowhere.yaml")})", Assert.Single(e.Errors).ToString());
    }
}
