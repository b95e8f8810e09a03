namespace OpenG2G.Cli.Tests.Running;

/// <summary>
/// What a run is given that it cannot use is invalid input (exit 2, one line, no stack trace), found before
/// anything runs: an unusable run folder, a scenario with nothing to simulate; and the header says what the
/// run will do, including that there is no grid.
/// </summary>
public class RunInputTests
{
    [Fact]
    public void A_run_folder_that_cannot_be_created_is_invalid_input()
    {
        using var temp = CliProcess.TempFolder("out-file");
        string file = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(file, "not a folder");
        string output = Path.Combine(file, "run");

        CliProcess.Result r = CliProcess.Run("run", "scenarios/ieee13/ofo.yaml", "--set", "duration_s=1", "--out", output, "--quiet");

        Assert.Equal(2, r.ExitCode);
        string line = Assert.Single(r.ErrorLines);
        Assert.StartsWith($"run folder {output}: cannot write there (", line, StringComparison.Ordinal);
        Assert.EndsWith("); choose another with --out", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_with_nothing_to_simulate_is_refused()
    {
        using var temp = CliProcess.TempFolder("nothing");
        string scenario = Path.Combine(temp.Path, "empty.yaml");
        File.WriteAllText(scenario, "duration_s: 10\n");

        CliProcess.Result r = CliProcess.Run("run", scenario, "--out", Path.Combine(temp.Path, "run"));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal([$"{scenario}:1:1: nothing to simulate: the scenario has no grid and no datacenters; add a grid entry, a datacenters list, or both"], r.ErrorLines);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "run")));
    }

    [Fact]
    public void The_header_of_a_run_without_a_grid_says_so()
    {
        using var temp = CliProcess.TempFolder("gridless");
        string scenario = Path.Combine(temp.Path, "dc-only.yaml");
        File.WriteAllText(scenario, $$"""
            name: dc-only
            duration_s: 2
            trace_library: {{Path.Combine(CliProcess.Repo, "traces")}}
            datacenters:
              - name: dc
                type: trace-replay
                period_s: 0.1
                bus: "671"
                capacity_gpus: 80
                models:
                  - { label: Llama-3.1-8B, itl_deadline_s: 0.08, initial_replicas: 8 }
            """);
        string output = Path.Combine(temp.Path, "run");

        CliProcess.Result r = CliProcess.Run("run", scenario, "--out", output, "--no-plots");

        Assert.True(r.ExitCode == 0, r.Stderr);
        string[] lines = r.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal($"dc-only: 2 s simulated, seed 0; no grid (datacenters only: no power flow, no voltages); 1 datacenter(s), 0 controller(s); run folder {output}", lines[0]);
        // 20 datacenter steps: 20 power rows x 37 B + 20 model rows x 21 B = 1160 B; no grid, no solves.
        Assert.Equal("0 grid solves; outputs about 1.16 kB (and a few rows of commands and events):", lines[1]);
    }
}
