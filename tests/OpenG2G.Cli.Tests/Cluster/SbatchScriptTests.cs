namespace OpenG2G.Cli.Tests.Cluster;

/// <summary>
/// The shipped Slurm scripts refuse, with a message saying what to set, when they are not run as a job-array task or
/// their variables are missing (run with bash directly, no Slurm needed). The real submission is
/// <see cref="SlurmJobArrayTests"/>.
/// </summary>
public class SbatchScriptTests
{
    private static readonly string[] SlurmAndSweepVariables =
        ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SWEEP_FILE", "SWEEP_OUT", "SWEEP_SHARDS", "OPENG2G"];

    private static ExternalProcess.Result Bash(string script, params (string Name, string Value)[] set)
    {
        // Empty counts as unset for the scripts, so a variable of the test's own environment cannot leak in.
        var environment = SlurmAndSweepVariables.ToDictionary(v => v, _ => string.Empty);
        foreach (var (name, value) in set)
            environment[name] = value;
        return ExternalProcess.Run("bash", [Path.Combine(CliProcess.Repo, "cluster", script)], environment, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Sweep_script_outside_a_job_array_says_how_to_submit_it()
    {
        ExternalProcess.Result r = Bash("sweep.sbatch", ("SWEEP_FILE", "scenarios/sweeps/smoke.yaml"), ("SWEEP_OUT", "out"));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("sweep.sbatch: not a job array task: submit with sbatch --array=0-<N-1> (SLURM_ARRAY_TASK_ID is not set)", r.Stderr.Trim());
    }

    [Fact]
    public void Sweep_script_names_the_missing_variable_and_the_missing_file()
    {
        using var temp = CliProcess.TempFolder("sweep-script");
        string output = Path.Combine(temp.Path, "out");
        (string, string)[] task = [("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "3")];

        ExternalProcess.Result noFile = Bash("sweep.sbatch", [.. task, ("SWEEP_OUT", output)]);
        ExternalProcess.Result noOut = Bash("sweep.sbatch", [.. task, ("SWEEP_FILE", "scenarios/sweeps/smoke.yaml")]);
        ExternalProcess.Result absent = Bash("sweep.sbatch", [.. task, ("SWEEP_FILE", "scenarios/sweeps/absent.yaml"), ("SWEEP_OUT", output)]);

        Assert.Equal((2, "sweep.sbatch: SWEEP_FILE is not set: export the path of the sweep YAML before sbatch"), (noFile.ExitCode, noFile.Stderr.Trim()));
        Assert.Equal((2, "sweep.sbatch: SWEEP_OUT is not set: export an output folder on shared storage before sbatch"), (noOut.ExitCode, noOut.Stderr.Trim()));
        Assert.Equal(2, absent.ExitCode);
        Assert.StartsWith("sweep.sbatch: SWEEP_FILE 'scenarios/sweeps/absent.yaml' does not exist on ", absent.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "the script created its output folder before checking its input");
    }

    [Fact]
    public void Merge_script_without_shard_folders_says_so()
    {
        using var temp = CliProcess.TempFolder("merge-script");

        ExternalProcess.Result r = Bash("sweep-merge.sbatch", ("SWEEP_OUT", temp.Path));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"sweep-merge.sbatch: no shard-* folders in '{temp.Path}'", r.Stderr.Trim());
    }
}
