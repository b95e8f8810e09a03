namespace OpenG2G.Cli.Tests;

/// <summary><c>openg2g train</c> and <c>evaluate</c> as a user calls them.</summary>
public class LearningVerbTests
{
    [Fact]
    public void Train_reports_a_bad_training_file_with_file_line_column_and_exits_2()
    {
        using var temp = CliProcess.TempFolder("train");
        string file = Path.Combine(temp.Path, "train.yaml");
        File.WriteAllText(file, $"scenario: {Path.Combine(CliProcess.Repo, "scenarios", "ieee13", "baseline.yaml")}\nppo: {{ epochs: 0, hiden_sizes: [8] }}\n");
        CliProcess.Result r = CliProcess.Run("train", file, "--out", Path.Combine(temp.Path, "out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Join("\n",
        [
            $"{file}:2:16: ppo.epochs: must be >= 1, got 0",
            $"{file}:2:19: ppo.hiden_sizes: unknown key 'hiden_sizes'; did you mean 'hidden_sizes'?",
        ]), string.Join("\n", r.ErrorLines));
    }

    [Fact]
    public void Train_writes_the_policy_the_rl_controller_then_runs()
    {
        using var temp = CliProcess.TempFolder("train");
        string file = Path.Combine(temp.Path, "train.yaml");
        File.WriteAllText(file, $"""
            scenario: {Path.Combine(CliProcess.Repo, "scenarios", "ieee13", "baseline.yaml")}
            overrides: ["duration_s=10"]
            agent: {"{"} targets: [dc] {"}"}
            ppo: {"{"} total_steps: 20, environments: 2, epochs: 1, minibatch_size: 10, hidden_sizes: [4] {"}"}
            """);
        string output = Path.Combine(temp.Path, "out");
        CliProcess.Result r = CliProcess.Run("train", file, "--out", output, "--quiet");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"trained 1 iterations, 20 environment steps: {Path.Combine(output, "policy.json")}", r.Stdout.Trim());

        string controller = $"controllers=[{{name: rl, type: rl, period_s: 1, targets: [dc], policy: {Path.Combine(output, "policy.json")}}}]";
        CliProcess.Result run = CliProcess.Run("run", Path.Combine(CliProcess.Repo, "scenarios", "ieee13", "baseline.yaml"),
            "--set", "duration_s=10", "--set", controller, "--out", Path.Combine(temp.Path, "run"), "--quiet", "--no-plots");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Evaluate_reports_a_missing_case_file_and_exits_2()
    {
        using var temp = CliProcess.TempFolder("evaluate");
        string file = Path.Combine(temp.Path, "eval.yaml");
        File.WriteAllText(file, $"training: {Path.Combine(CliProcess.Repo, "scenarios", "ieee13", "rl-train.yaml")}\ncases:\n  - {{ name: mpc, scenario: mpc.yaml }}\n");
        CliProcess.Result r = CliProcess.Run("evaluate", file, "--out", Path.Combine(temp.Path, "out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"{file}:3:28: cases[0].scenario: file 'mpc.yaml' not found (resolved against the evaluation file's folder to {Path.Combine(temp.Path, "mpc.yaml")})", string.Join("\n", r.ErrorLines));
    }
}
