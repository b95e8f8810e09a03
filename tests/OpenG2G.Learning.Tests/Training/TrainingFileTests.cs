using OpenG2G.Core.Diagnostics;
using OpenG2G.Learning.Tests.Support;
using OpenG2G.Learning.Training;

namespace OpenG2G.Learning.Tests.Training;

public class TrainingFileTests
{
    [Fact]
    public void Every_problem_of_a_training_file_is_reported_with_file_line_column()
    {
        using var folder = new TempFolder();
        string path = folder.PathOf("bad.yaml");
        File.WriteAllText(path, """
            scenario: missing.yaml
            agent: { name: rl, period_s: 0 }
            reward: { switching_weigth: 1 }
            ppo:
              environments: zero
              gamma: 1.5
            """);
        InvalidInputException e = Assert.Throws<InvalidInputException>(() => new TrainingFileLoader().Load(path));
        Assert.Equal(
        [
            $"{path}:1:11: scenario: file 'missing.yaml' not found (resolved against the training file's folder to {folder.PathOf("missing.yaml")})",
            $"{path}:2:30: agent.period_s: must be > 0, got 0",
            $"{path}:3:11: reward.switching_weigth: unknown key 'switching_weigth'; did you mean 'switching_weight'?",
            $"{path}:5:17: ppo.environments: expected a whole number, got 'zero'",
            $"{path}:6:10: ppo.gamma: must be in (0, 1], got 1.5",
        ], e.Errors.Select(d => d.ToString()));
    }

    [Fact]
    public void Problems_found_when_the_environment_is_built_point_at_the_training_file()
    {
        using var folder = new TempFolder();
        string path = ShortTraining.Write(folder, extra: "");
        File.WriteAllText(path, File.ReadAllText(path).Replace("targets: [dc]", "targets: [dc2]", StringComparison.Ordinal));
        InvalidInputException e = Assert.Throws<InvalidInputException>(() =>
            TrainingRun.Run(new TrainingRequest { TrainingFile = path, OutputDirectory = folder.PathOf("out") }));
        Assert.Equal($"{path}:5:43: agent.targets[0]: no datacenter named 'dc2' in baseline.yaml; datacenters: dc", e.Errors.Single().ToString());
    }
}
