namespace OpenG2G.Learning.Training;

/// <summary>
/// One environment's episode of one iteration: raw and normalised observations, actions, their log
/// probabilities and value estimates under the policy that chose them, rewards, and the value of the
/// final observation (bootstrap at truncation). Sized once for the longest episode.
/// </summary>
internal sealed class EpisodeBuffer
{
    public EpisodeBuffer(int maxSteps, int observationSize, int actionSize)
    {
        MaxSteps = maxSteps;
        RawObservations = new float[(maxSteps + 1) * observationSize];
        Observations = new float[maxSteps * observationSize];
        Actions = new int[maxSteps * actionSize];
        LogProbabilities = new float[maxSteps];
        Values = new float[maxSteps];
        Rewards = new double[maxSteps];
        ScaledRewards = new float[maxSteps];
        Advantages = new float[maxSteps];
        Returns = new float[maxSteps];
    }

    public int MaxSteps { get; }

    /// <summary>Steps taken this episode.</summary>
    public int Length { get; set; }

    /// <summary>True when the episode ended by a terminal state (no bootstrap), false for truncation.</summary>
    public bool Terminated { get; set; }

    /// <summary>Observations as the environment gave them, [Length + 1, size] (the last one is the final observation).</summary>
    public float[] RawObservations { get; }

    /// <summary>Observations as the networks saw them (normalised with the iteration's statistics), [Length, size].</summary>
    public float[] Observations { get; }

    public int[] Actions { get; }

    public float[] LogProbabilities { get; }

    public float[] Values { get; }

    public double[] Rewards { get; }

    public float[] ScaledRewards { get; }

    public float[] Advantages { get; }

    public float[] Returns { get; }

    /// <summary>Value of the final observation (used when the episode was truncated).</summary>
    public float FinalValue { get; set; }

    /// <summary>Sum of the raw rewards.</summary>
    public double EpisodeReturn { get; set; }

    /// <summary>What the environment measured over the episode (grid environments; NaN otherwise).</summary>
    public double ViolationIntegralPuS { get; set; }

    public double MeanThroughputTokensPerS { get; set; }

    /// <summary>
    /// Generalised advantage estimates from the scaled rewards and values:
    /// delta_t = r_t + gamma V(s_t+1) - V(s_t), A_t = delta_t + gamma lambda A_t+1, bootstrapping from
    /// <see cref="FinalValue"/> unless terminated; returns = A + V.
    /// </summary>
    public void ComputeAdvantages(double gamma, double lambda)
    {
        double next = Terminated ? 0.0 : FinalValue, advantage = 0.0;
        for (int t = Length - 1; t >= 0; t--)
        {
            double delta = ScaledRewards[t] + gamma * next - Values[t];
            advantage = delta + gamma * lambda * advantage;
            Advantages[t] = (float)advantage;
            Returns[t] = (float)(advantage + Values[t]);
            next = Values[t];
        }
    }
}
