using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Options;

namespace OpenG2G.Learning.Training;

/// <summary>
/// PPO settings (clipped objective, GAE, Adam). Every iteration each environment plays one whole episode;
/// the update then runs <see cref="Epochs"/> passes over the iteration's samples in shuffled minibatches.
/// Defaults are the usual PPO ones, scaled to this problem (docs/rl.md).
/// </summary>
public sealed record PpoOptions : IValidatable
{
    /// <summary>Environment steps to train for (rounded up to whole iterations). Default 1,000,000.</summary>
    public long TotalSteps { get; init; } = 1_000_000;

    /// <summary>Environments, each one episode per iteration, stepped in parallel. Default 4.</summary>
    public int Environments { get; init; } = 4;

    /// <summary>Worker threads stepping environments and computing gradients (0: one per core). Results do not depend on it. Default 0.</summary>
    public int Workers { get; init; }

    /// <summary>Passes over an iteration's samples. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per gradient step. Default 512.</summary>
    public int MinibatchSize { get; init; } = 512;

    /// <summary>Adam learning rate at the start; falls linearly to 0 at the end when <see cref="LinearLearningRateDecay"/>. Default 3e-4.</summary>
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>Decay the learning rate linearly to 0 over training. Default true.</summary>
    public bool LinearLearningRateDecay { get; init; } = true;

    /// <summary>Discount factor. Default 0.99.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>GAE lambda. Default 0.95.</summary>
    public double GaeLambda { get; init; } = 0.95;

    /// <summary>Clipping range of the probability ratio. Default 0.2.</summary>
    public double ClipRange { get; init; } = 0.2;

    /// <summary>Weight of the entropy bonus. Default 0.01.</summary>
    public double EntropyCoefficient { get; init; } = 0.01;

    /// <summary>Weight of the value loss. Default 0.5.</summary>
    public double ValueCoefficient { get; init; } = 0.5;

    /// <summary>Largest global norm of the gradient (both networks); larger gradients are scaled down to it. Default 0.5.</summary>
    public double MaxGradientNorm { get; init; } = 0.5;

    /// <summary>Hidden layer widths of the policy and of the value network. Default [64, 64].</summary>
    public ImmutableArray<int> HiddenSizes { get; init; } = [64, 64];

    /// <summary>Normalise observations by running mean and standard deviation. Default true.</summary>
    public bool NormaliseObservations { get; init; } = true;

    /// <summary>Scale rewards by the running standard deviation of the discounted return. Default true.</summary>
    public bool NormaliseRewards { get; init; } = true;

    /// <summary>Normalised observations and scaled rewards are clipped to +-this. Default 10.</summary>
    public double NormalisedClip { get; init; } = 10.0;

    /// <summary>Write a checkpoint every this many iterations (and at the end). Default 5.</summary>
    public int CheckpointEveryIterations { get; init; } = 5;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        if (TotalSteps < 1)
            yield return P("total_steps", $"must be >= 1, got {TotalSteps}");
        if (Environments < 1)
            yield return P("environments", $"must be >= 1, got {Environments}");
        if (Workers < 0)
            yield return P("workers", $"must be >= 0 (0: one per core), got {Workers}");
        if (Epochs < 1)
            yield return P("epochs", $"must be >= 1, got {Epochs}");
        if (MinibatchSize < 1)
            yield return P("minibatch_size", $"must be >= 1, got {MinibatchSize}");
        if (!(LearningRate > 0))
            yield return P("learning_rate", $"must be > 0, got {LearningRate}");
        if (!(Gamma > 0 && Gamma <= 1))
            yield return P("gamma", $"must be in (0, 1], got {Gamma}");
        if (!(GaeLambda >= 0 && GaeLambda <= 1))
            yield return P("gae_lambda", $"must be in [0, 1], got {GaeLambda}");
        if (!(ClipRange > 0))
            yield return P("clip_range", $"must be > 0, got {ClipRange}");
        if (!(EntropyCoefficient >= 0))
            yield return P("entropy_coefficient", $"must be >= 0, got {EntropyCoefficient}");
        if (!(ValueCoefficient > 0))
            yield return P("value_coefficient", $"must be > 0, got {ValueCoefficient}");
        if (!(MaxGradientNorm > 0))
            yield return P("max_gradient_norm", $"must be > 0, got {MaxGradientNorm}");
        if (!(NormalisedClip > 0))
            yield return P("normalised_clip", $"must be > 0, got {NormalisedClip}");
        if (CheckpointEveryIterations < 1)
            yield return P("checkpoint_every_iterations", $"must be >= 1, got {CheckpointEveryIterations}");
        for (int i = 0; i < HiddenSizes.Length; i++)
        {
            if (HiddenSizes[i] < 1)
                yield return P($"hidden_sizes[{i}]", $"must be >= 1, got {HiddenSizes[i]}");
        }
    }

    private static ValidationProblem P(string path, FormattableString message) => new(path, message.ToString(CultureInfo.InvariantCulture));
}
