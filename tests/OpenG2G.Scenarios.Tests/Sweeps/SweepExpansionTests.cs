using OpenG2G.Scenarios.Sweeps;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Sweeps;

public class SweepExpansionTests
{
    [Fact]
    public void Axes_make_a_grid_product_with_the_last_axis_varying_fastest_and_seeds_last()
    {
        using var file = new TempScenario(SweepFiles.Header() + """

            seeds: [3, 4]
            axes:
              - { name: v, parameter: grid.source_pu, values: [0.97, 1.0] }
              - { name: bus, parameter: "datacenters[0].bus", values: ["671", "675"] }
            """, "sweep.yaml");
        SweepPlan plan = SweepFiles.Plan(file);
        Assert.Equal(
            ["v=0.97 bus=671", "v=0.97 bus=671", "v=0.97 bus=675", "v=0.97 bus=675", "v=1 bus=671", "v=1 bus=671", "v=1 bus=675", "v=1 bus=675"],
            SweepFiles.Values(plan));
        Assert.Equal([3UL, 4, 3, 4, 3, 4, 3, 4], plan.Runs.Select(r => r.Seed!.Value));
        Assert.Equal(["00000", "00001", "00002"], plan.Runs.Take(3).Select(r => r.RunId));
        // Quoted bus names stay text; numbers are numbers.
        Assert.Equal([SweepValueType.Number, SweepValueType.Text], plan.Parameters.Select(p => p.Type));
        Assert.Equal(["duration_s=10", "outputs.bus_voltages=false", "grid.source_pu=0.97", "datacenters[0].bus='671'"], plan.Runs[0].Overrides.ToArray());
    }

    [Fact]
    public void Ranges_are_linear_or_geometric_with_both_ends_included()
    {
        using var file = new TempScenario(SweepFiles.Header() + """

            axes:
              - zip:
                  - { name: lin, parameter: grid.source_pu, range: { from: 0.95, to: 1.05, count: 3 } }
                  - { name: geo, parameter: "controllers[0].primal_step_size", range: { from: 0.01, to: 1, count: 3, scale: log } }
                  - { name: n, parameter: "controllers[0].switching_weight", range: { from: 1, to: 4, count: 3, integer: true } }
            """, "sweep.yaml");
        SweepPlan plan = SweepFiles.Plan(file);
        Assert.Equal(3, plan.Runs.Length);
        double[] lin = plan.Runs.Select(r => r.Values[0].Number).ToArray();
        double[] geo = plan.Runs.Select(r => r.Values[1].Number).ToArray();
        Assert.Equal(new[] { 0.95, 1.0, 1.05 }, lin, new Tolerance(1e-12));
        Assert.Equal(new[] { 0.01, 0.1, 1 }, geo, new Tolerance(1e-12));
        // 1, 2.5 -> 3 (half away from zero), 4.
        Assert.Equal([1L, 3, 4], plan.Runs.Select(r => r.Values[2].Integer));
        Assert.Equal(SweepValueType.Integer, plan.Parameters[2].Type);
    }

    [Fact]
    public void Random_draws_are_reproducible_from_their_seed_and_within_their_bounds()
    {
        string Sweep(int seed) => SweepFiles.Header() + $$"""

            axes:
              - random:
                  count: 20
                  seed: {{seed}}
                  parameters:
                    - { name: u, parameter: grid.source_pu, uniform: [0.96, 1.04] }
                    - { name: l, parameter: "controllers[0].primal_step_size", log_uniform: [0.01, 1] }
                    - { name: k, parameter: "controllers[0].switching_weight", integer: [1, 5] }
                    - { name: c, parameter: "datacenters[0].bus", choice: ["671", "692"] }
            """;
        using var a = new TempScenario(Sweep(7), "sweep.yaml");
        using var b = new TempScenario(Sweep(7), "sweep.yaml");
        using var c = new TempScenario(Sweep(8), "sweep.yaml");
        SweepPlan pa = SweepFiles.Plan(a), pb = SweepFiles.Plan(b), pc = SweepFiles.Plan(c);
        Assert.Equal(SweepFiles.Values(pa), SweepFiles.Values(pb));
        Assert.NotEqual(SweepFiles.Values(pa), SweepFiles.Values(pc));
        Assert.All(pa.Runs, r =>
        {
            Assert.InRange(r.Values[0].Number, 0.96, 1.04);
            Assert.InRange(r.Values[1].Number, 0.01, 1);
            Assert.InRange(r.Values[2].Integer, 1, 5);
            Assert.Contains(r.Values[3].Text, new[] { "671", "692" });
        });
        // Every integer and both choices turn up in 20 draws (fails only for a broken generator).
        Assert.Equal(5, pa.Runs.Select(r => r.Values[2].Integer).Distinct().Count());
        Assert.Equal(2, pa.Runs.Select(r => r.Values[3].Text).Distinct().Count());
    }

    [Fact]
    public void Derived_values_are_computed_per_run_from_the_axes()
    {
        using var file = new TempScenario(SweepFiles.Header() + """

            axes:
              - { name: gpus, parameter: "datacenters[0].capacity_gpus", values: [7200, 8000] }
            derived:
              - { name: base, parameter: "datacenters[0].base_load_kw_per_phase", value: "gpus * 0.7 / 3" }
              - { name: half, parameter: "datacenters[0].models[0].initial_replicas", value: "round(base / 7)" }
            """, "sweep.yaml");
        SweepPlan plan = SweepFiles.Plan(file);
        Assert.Equal(7200 * 0.7 / 3, plan.Runs[0].Values[1].Number, 12);
        Assert.Equal(Math.Round(8000 * 0.7 / 3 / 7, MidpointRounding.AwayFromZero), plan.Runs[1].Values[2].Number);
        Assert.Contains("datacenters[0].base_load_kw_per_phase=1680", plan.Runs[0].Overrides);
    }

    [Fact]
    public void One_at_a_time_varies_each_parameter_around_the_defaults_of_the_others()
    {
        using var file = new TempScenario(SweepFiles.Header() + """

            axes:
              - one_at_a_time:
                  - { name: step, parameter: "controllers[0].primal_step_size", values: [0.05, 0.2], default: 0.1 }
                  - { name: w, parameter: "controllers[0].switching_weight", values: [2, 5], default: 1 }
            """, "sweep.yaml");
        SweepPlan plan = SweepFiles.Plan(file);
        Assert.Equal(
            ["step=0.05 w=1 varied=step varied_value=0.05", "step=0.2 w=1 varied=step varied_value=0.2",
             "step=0.1 w=2 varied=w varied_value=2", "step=0.1 w=5 varied=w varied_value=5"],
            SweepFiles.Values(plan));
        // varied and varied_value are columns only: no override for them.
        Assert.Equal(4, plan.Runs[0].Overrides.Length);
    }

    [Fact]
    public void A_search_axis_makes_one_group_per_combination_of_the_others()
    {
        using var file = new TempScenario(SweepFiles.Header() + """

            axes:
              - { name: bus, parameter: "datacenters[0].bus", values: ["671", "675", "692"] }
              - name: gpus
                parameter: "datacenters[0].capacity_gpus"
                search: { low: 1000, high: 8000, tolerance: 8, integer: true, until: "voltage.violation_time_s <= 36" }
            """, "sweep.yaml");
        SweepPlan plan = SweepFiles.Plan(file);
        Assert.Empty(plan.Runs);
        Assert.Equal(["00000", "00001", "00002"], plan.Searches.Select(s => s.IdPrefix));
        Assert.Equal(new SearchSpec(1, 1000, 8000, 8, true, "voltage.violation_time_s", "<=", 36), plan.Search);
        SweepRun probe = plan.Factory.Make(1, 2, plan.Searches[1].ScenarioPath, SweepLoader.WithSearchValue(plan.Searches[1].Values, plan.Search!, 4500), null);
        Assert.Equal("00001-p02", probe.RunId);
        Assert.Contains("datacenters[0].capacity_gpus=4500", probe.Overrides);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
