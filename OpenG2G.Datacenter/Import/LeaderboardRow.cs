namespace OpenG2G.Datacenter.Import;

/// <summary>One steady-state configuration of ML.ENERGY Leaderboard v3 (ITLs in seconds).</summary>
internal sealed record LeaderboardRow(
    string ModelId,
    string Task,
    string Architecture,
    double ActivatedParamsBillions,
    string WeightPrecision,
    string Gpu,
    int NumGpus,
    int MaxNumSeqs,
    double AvgPowerW,
    double ThroughputTokensPerS,
    double MedianItlS,
    double P90ItlS,
    double P95ItlS,
    double P99ItlS,
    int Runs);
