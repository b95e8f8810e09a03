namespace OpenG2G.Learning.Evaluation;

/// <summary>
/// One (held-out scenario, case) run: the summary's voltage and service metrics (Core's accumulators)
/// and the time-mean datacenter-reported throughput.
/// </summary>
public sealed record HeldOutRow(
    int Scenario,
    ulong Seed,
    string Case,
    double ViolationTimeS,
    double IntegralViolationPuS,
    double WorstVminPu,
    double WorstVmaxPu,
    double MeanThroughputTokensPerS,
    double MeasuredThroughputTokensPerS,
    double ItlDeadlineMissFraction,
    double MeanPowerKw,
    long Commands,
    string Overrides);
