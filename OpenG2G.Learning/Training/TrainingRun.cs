using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Learning.Environment;
using OpenG2G.Learning.Randomisation;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Learning.Training;

/// <summary>
/// <c>openg2g train</c>: load the training file, make the environments, train PPO (resuming from the
/// folder's checkpoint when asked) and write <c>policy.json</c>, the training curve (Parquet and PNG),
/// <c>checkpoint.bin</c>, <c>episodes.parquet</c> (every episode's seed and scenario overrides) and
/// <c>train.log</c>. The policy file depends only on the training file, its scenario and the seed.
/// </summary>
public static class TrainingRun
{
    public const string PolicyFileName = "policy.json";

    public static TrainingOutcome Run(TrainingRequest request)
    {
        var loader = new TrainingFileLoader();
        (TrainingFile file, string scenario) = loader.Load(request.TrainingFile);
        PpoOptions ppo = request.Workers is int w ? file.Ppo with { Workers = w } : file.Ppo;
        (IEnvironment[] envs, ScenarioRandomiser? randomiser) = MakeEnvironments(file, scenario, ppo.Environments, loader);
        var trainer = new PpoTrainer(ppo, envs, file.Seed);
        string dir = Path.GetFullPath(request.OutputDirectory);
        Directory.CreateDirectory(dir);
        string fingerprint = Fingerprint(request.TrainingFile, scenario);
        string checkpoint = Path.Combine(dir, Checkpoint.FileName);
        using var log = new StreamWriter(Path.Combine(dir, "train.log"), append: request.Resume) { AutoFlush = true };
        void Say(string line)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss}Z {line}"));
            request.Progress?.Invoke(line);
        }
        if (request.Resume && File.Exists(checkpoint))
        {
            Checkpoint.Read(checkpoint, trainer, fingerprint);
            Say($"resumed from {checkpoint} at iteration {trainer.Iteration}, {trainer.Steps} steps");
        }
        Say(string.Create(CultureInfo.InvariantCulture, $"training {file.Name}: {ppo.Environments} environments, {trainer.Spaces.Observation.Size} observation and {trainer.Spaces.Action.Size} action dimensions, {ppo.TotalSteps} steps, seed {file.Seed}"));
        trainer.Train((t, row) =>
        {
            Say(string.Create(CultureInfo.InvariantCulture,
                $"iteration {row.Iteration}: {row.Steps} steps, return {row.MeanEpisodeReturn:F2}, violation {row.MeanViolationIntegralPuS:F4} pu·s, throughput {row.MeanThroughputTokensPerS / 1e3:F0} k tok/s, {row.StepsPerS:F0} steps/s (env {row.EnvironmentStepsPerS:F0}), entropy {row.Entropy:F3}, kl {row.ApproxKl:F4}"));
            if (t.Iteration % ppo.CheckpointEveryIterations == 0 || t.Finished)
            {
                Checkpoint.Write(checkpoint, t, fingerprint);
                TrainingCurveWriter.WriteParquet(dir, t.Curve);
            }
            request.Cancellation.ThrowIfCancellationRequested();
        });
        Checkpoint.Write(checkpoint, trainer, fingerprint);
        PolicyFileOf(trainer, file).Write(Path.Combine(dir, PolicyFileName));
        TrainingCurveWriter.WriteParquet(dir, trainer.Curve);
        TrainingCurveWriter.WritePng(dir, trainer.Curve);
        EpisodeTableWriter.Write(Path.Combine(dir, EpisodeTableWriter.FileName), file.Seed, trainer.Iteration, ppo.Environments, randomiser);
        Say($"wrote {PolicyFileName}, {TrainingCurveWriter.ParquetName}, {TrainingCurveWriter.PngName}, {Checkpoint.FileName}, {EpisodeTableWriter.FileName}");
        return new TrainingOutcome(dir, trainer.Iteration, trainer.Steps, trainer.Curve.ToImmutableArray());
    }

    /// <summary>The environments of a training file: grid environments on its scenario, randomised when it says so.</summary>
    public static (IEnvironment[] Environments, ScenarioRandomiser? Randomiser) MakeEnvironments(TrainingFile file, string scenario, int count, TrainingFileLoader loader)
    {
        try
        {
            var settings = new EnvironmentSettings(scenario, file.Overrides, file.Agent, file.Reward);
            ScenarioRandomiser? randomiser = file.Randomise is { } r ? new ScenarioRandomiser(r, new ScenarioLoader().Load(scenario, file.Overrides)) : null;
            var envs = new IEnvironment[count];
            for (int i = 0; i < count; i++)
            {
                var grid = new GridEnvironment(settings);
                envs[i] = randomiser is null ? grid : new RandomisedEnvironment(grid, randomiser);
            }
            return (envs, randomiser);
        }
        catch (InvalidInputException e)
        {
            throw loader.Locate(e);
        }
    }

    private static Controllers.Rl.PolicyFile PolicyFileOf(PpoTrainer trainer, TrainingFile file)
    {
        var provenance = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["training"] = file.Name ?? "",
            ["seed"] = file.Seed.ToString(CultureInfo.InvariantCulture),
            ["environment_steps"] = trainer.Steps.ToString(CultureInfo.InvariantCulture),
            ["iterations"] = trainer.Iteration.ToString(CultureInfo.InvariantCulture),
            // The release, not the build's commit: a rebuild of the same release reproduces the file byte for byte.
            ["openg2g_version"] = ScenarioRunner.Version.Split('+')[0],
        });
        return trainer.ToPolicyFile(file.Agent.Observation, provenance);
    }

    private static string Fingerprint(string trainingFile, string scenario)
    {
        byte[] bytes = [.. File.ReadAllBytes(trainingFile), .. File.ReadAllBytes(scenario)];
        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}

/// <summary>What a training produced.</summary>
public sealed record TrainingOutcome(string OutputDirectory, int Iterations, long Steps, ImmutableArray<CurveRow> Curve);
