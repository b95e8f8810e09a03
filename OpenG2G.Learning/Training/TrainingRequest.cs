namespace OpenG2G.Learning.Training;

/// <summary>What <see cref="TrainingRun.Run"/> needs.</summary>
public sealed record TrainingRequest
{
    /// <summary>The training file.</summary>
    public required string TrainingFile { get; init; }

    /// <summary>Output folder (policy, curve, checkpoint, episodes, log).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Continue from the folder's checkpoint when there is one.</summary>
    public bool Resume { get; init; }

    /// <summary>Override of <c>ppo.workers</c> (results do not depend on it).</summary>
    public int? Workers { get; init; }

    /// <summary>Called with one line per iteration (progress).</summary>
    public Action<string>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }
}
