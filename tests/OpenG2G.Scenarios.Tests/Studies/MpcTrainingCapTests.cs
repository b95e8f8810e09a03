using OpenG2G.Scenarios.Running;
using OpenG2G.Scenarios.Tests.Support;

namespace OpenG2G.Scenarios.Tests.Studies;

/// <summary>
/// The MPC's second knob on real components: an IEEE 13 feeder with a site whose training job has a
/// measured power-cap response (GPT-3 XL on A100, Perseus) and whose inference alone cannot hold the
/// voltage. With caps as decision variables the MPC caps the job within its measured range and keeps
/// the feeder in the band; told not to use them, it can only shrink batches and the band is violated.
/// </summary>
public sealed class MpcTrainingCapTests : IDisposable
{
    private const string Yaml = """
        name: mpc-caps
        duration_s: 300
        seed: 0
        trace_library: {repo}/traces
        grid:
          type: opendss
          period_s: 0.1
          feeder: {repo}/grids/ieee13/ieee13.dss
          regulator_mode: off
          initial_taps:
            - { regulator: creg1a, step: 6 }
            - { regulator: creg1b, step: 6 }
            - { regulator: creg1c, step: 6 }
          excluded_buses: [sourcebus, "650", rg60]
        datacenters:
          - name: dc
            type: trace-replay
            period_s: 0.1
            bus: "671"
            power_factor: 0.95
            capacity_gpus: 3280
            base_load_kw_per_phase: 300
            idle_power_w_per_gpu: 0
            models:
              - { label: Llama-3.1-8B, gpus_per_replica: 1, itl_deadline_s: 0.08, initial_replicas: 80, feasible_batch_sizes: [8, 16, 32, 64, 128, 256, 512] }
            training:
              - { name: gpt, gpus: 3200, gpu: A100, start_s: 0, end_s: 1000, power_cap_response: perseus/gpt3-xl/A100/b1024 }
        controllers:
          - { name: mpc, type: mpc, period_s: 1, targets: [dc] }
        outputs: { plots: false, bus_voltages: false }
        """;

    private readonly TempScenario _scenario = new(Yaml);

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void Caps_of_a_cappable_training_job_are_decided_within_the_measured_range_and_hold_the_band()
    {
        string withCaps = Run("with-caps"), withoutCaps = Run("without-caps", "controllers[0].cap_training_jobs=false");
        string caps = Path.Combine(withCaps, "commands.parquet");

        Assert.True(Duck.Scalar($"SELECT count(*) FROM read_parquet('{caps}') WHERE command = 'SetPowerCap' AND subject = 'gpt'") > 0, "no cap was commanded");
        // perseus/gpt3-xl/A100/b1024 was measured from 175 to 300 W.
        Assert.Equal(0.0, Duck.Scalar($"SELECT count(*) FROM read_parquet('{caps}') WHERE command = 'SetPowerCap' AND (value < 175 OR value > 300)"));
        Assert.Equal(0.0, Duck.Scalar($"SELECT count(*) FROM read_parquet('{Path.Combine(withoutCaps, "commands.parquet")}') WHERE command = 'SetPowerCap'"));
        double capped = Duck.Scalar($"SELECT avg(training_power_kw) FROM read_parquet('{Path.Combine(withCaps, "datacenter_power.parquet")}') WHERE time_s >= 100");
        double uncapped = Duck.Scalar($"SELECT avg(training_power_kw) FROM read_parquet('{Path.Combine(withoutCaps, "datacenter_power.parquet")}') WHERE time_s >= 100");
        Assert.True(capped < 0.95 * uncapped, $"training power {capped:F0} kW capped vs {uncapped:F0} kW uncapped");
        double inBand = Duck.Scalar($"SELECT min(min_voltage_pu) FROM read_parquet('{Path.Combine(withCaps, "grid.parquet")}') WHERE time_s >= 100");
        double under = Duck.Scalar($"SELECT min(min_voltage_pu) FROM read_parquet('{Path.Combine(withoutCaps, "grid.parquet")}') WHERE time_s >= 100");
        Assert.True(inBand >= 0.95, $"lowest voltage with caps {inBand:F4} pu");
        Assert.True(under < 0.95, $"lowest voltage without caps {under:F4} pu: the case does not need caps");
    }

    private string Run(string name, params string[] overrides)
    {
        string folder = Path.Combine(_scenario.Directory, name);
        ScenarioRunner.Run(new RunRequest { ScenarioPath = _scenario.FilePath, OutputDirectory = folder, Overrides = overrides, Plots = false });
        return folder;
    }
}
