namespace OpenG2G.Learning.Training;

/// <summary>
/// One iteration of the training curve: the environment steps so far, the episodes' mean return (raw
/// rewards), violation integral and reported throughput (grid environments), the training speed, and the
/// update's diagnostics.
/// </summary>
public sealed record CurveRow(
    int Iteration,
    long Steps,
    double MeanEpisodeReturn,
    double MeanViolationIntegralPuS,
    double MeanThroughputTokensPerS,
    double StepsPerS,
    double EnvironmentStepsPerS,
    double LearningRate,
    double Entropy,
    double ApproxKl,
    double ClipFraction,
    double ValueLoss);
