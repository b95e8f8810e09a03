using System.Collections.Immutable;
using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Randomness;
using OpenG2G.Learning.Environment;
using OpenG2G.Numerics.Networks;

namespace OpenG2G.Learning.Training;

/// <summary>
/// Proximal policy optimisation (Schulman et al. 2017) for a multi-discrete action: a tanh MLP policy
/// giving one block of logits per action dimension, a separate tanh MLP value network, the clipped
/// surrogate objective, GAE, an entropy bonus, Adam with global gradient-norm clipping and a linear
/// learning-rate schedule, observation normalisation and reward scaling. Each iteration every
/// environment plays one whole episode (in parallel over <see cref="PpoOptions.Workers"/>); then
/// <see cref="PpoOptions.Epochs"/> passes of shuffled minibatches update both networks, each minibatch's
/// gradient summed over fixed 64-sample chunks in order. All randomness comes from streams of the seed
/// named by iteration and environment, so the result depends on the seed and the number of environments
/// only, not on the number of workers or on the timing of threads; and an iteration boundary is a
/// complete state (no episode is under way), which is what a checkpoint saves.
/// </summary>
public sealed partial class PpoTrainer
{
    private readonly PpoOptions _options;
    private readonly IEnvironment[] _environments;
    private readonly EpisodeBuffer[] _episodes;
    private readonly ulong _seed;
    private readonly ParallelOptions _parallel;

    /// <param name="options">PPO settings (validated by the caller).</param>
    /// <param name="environments">One environment per <see cref="PpoOptions.Environments"/>; all with the same spaces.</param>
    /// <param name="seed">Seed of every random stream of the training.</param>
    public PpoTrainer(PpoOptions options, IReadOnlyList<IEnvironment> environments, ulong seed)
    {
        _options = options;
        if (environments.Count != options.Environments)
            throw new ArgumentException($"PPO was set up for {options.Environments} environments, got {environments.Count}", nameof(environments));
        _environments = environments.ToArray();
        Spaces = _environments[0].Spaces;
        foreach (IEnvironment e in _environments)
        {
            if (Spaces.FirstDifference(e.Spaces) is string d)
                throw new ArgumentException("the environments' spaces differ: " + d, nameof(environments));
        }
        _seed = seed;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Workers > 0 ? options.Workers : System.Environment.ProcessorCount };
        int obs = Spaces.Observation.Size;
        Policy = new Mlp([obs, .. options.HiddenSizes, Spaces.Action.LogitCount]);
        Value = new Mlp([obs, .. options.HiddenSizes, 1]);
        var init = SimRandom.ForStream(seed, "ppo/initial-weights");
        Policy.Initialise(init.NextGaussian, Math.Sqrt(2), 0.01);
        Value.Initialise(init.NextGaussian, Math.Sqrt(2), 1.0);
        PolicyOptimiser = new Adam(Policy.Parameters.Length);
        ValueOptimiser = new Adam(Value.Parameters.Length);
        ObservationStatistics = new RunningMoments(obs);
        ReturnStatistics = new RunningMoments(1);
        int maxSteps = _environments.Max(MaxSteps);
        _episodes = _environments.Select(_ => new EpisodeBuffer(maxSteps, obs, Spaces.Action.Size)).ToArray();
        _workspaces = new ChunkWorkspace[MaxChunks];
    }

    public RlSpaces Spaces { get; }

    internal PpoOptions Options => _options;

    public Mlp Policy { get; }

    public Mlp Value { get; }

    internal Adam PolicyOptimiser { get; }

    internal Adam ValueOptimiser { get; }

    public RunningMoments ObservationStatistics { get; }

    public RunningMoments ReturnStatistics { get; }

    /// <summary>Iterations completed.</summary>
    public int Iteration { get; internal set; }

    /// <summary>Environment steps taken so far.</summary>
    public long Steps { get; internal set; }

    /// <summary>One row per completed iteration.</summary>
    public List<CurveRow> Curve { get; } = new();

    /// <summary>True once <see cref="Steps"/> reaches the options' total.</summary>
    public bool Finished => Steps >= _options.TotalSteps;

    /// <summary>Run iterations until finished; <paramref name="afterIteration"/> is called after each (progress, checkpoints).</summary>
    public void Train(Action<PpoTrainer, CurveRow>? afterIteration = null)
    {
        while (!Finished)
        {
            CurveRow row = RunIteration();
            afterIteration?.Invoke(this, row);
        }
    }

    /// <summary>The policy as a policy file: the networks' logits plus the observation statistics in force.</summary>
    public PolicyFile ToPolicyFile(ObservationOptions observation, ImmutableSortedDictionary<string, string> provenance)
    {
        (float[] mean, float[] std) = NormalisationSnapshot();
        return new PolicyFile(observation, Spaces, mean.ToImmutableArray(), std.ToImmutableArray(), (float)_options.NormalisedClip,
            Policy.Sizes, Policy.Parameters.ToImmutableArray(), provenance);
    }

    /// <summary>Mean and standard deviation the networks see observations through (identity when normalisation is off).</summary>
    internal (float[] Mean, float[] Std) NormalisationSnapshot()
    {
        int n = Spaces.Observation.Size;
        var mean = new float[n];
        var std = new float[n];
        for (int i = 0; i < n; i++)
        {
            mean[i] = _options.NormaliseObservations ? (float)ObservationStatistics.Mean[i] : 0f;
            std[i] = _options.NormaliseObservations ? (float)Math.Sqrt(ObservationStatistics.Variance[i] + 1e-8) : 1f;
        }
        return (mean, std);
    }

    private static int MaxSteps(IEnvironment e) => e is IEpisodeLength l ? l.MaxEpisodeSteps : throw new ArgumentException("PPO needs environments that state their longest episode (IEpisodeLength)");
}
