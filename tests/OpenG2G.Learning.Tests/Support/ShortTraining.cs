namespace OpenG2G.Learning.Tests.Support;

/// <summary>A training file of a few short IEEE 13 episodes (20 s each), randomised, written into a temp folder.</summary>
internal static class ShortTraining
{
    public static string Write(TempFolder folder, long totalSteps = 80, string extra = "")
    {
        string path = folder.PathOf("train.yaml");
        File.WriteAllText(path, $"""
            name: short
            scenario: {Repo.Ieee13Baseline}
            overrides: ["duration_s=20"]
            seed: 9
            agent: {"{"} name: rl, period_s: 1, targets: [dc] {"}"}
            randomise:
              training_start_s: [0, 10]
              training_duration_s: [5, 15]
              pv_scale: [0.5, 2]
              initial_batch_sizes: [64, 128]
              source_pu: [0.96, 0.99]
            ppo:
              total_steps: {totalSteps}
              environments: 2
              epochs: 2
              minibatch_size: 20
              hidden_sizes: [8]
              checkpoint_every_iterations: 1
            {extra}
            """);
        return path;
    }
}
