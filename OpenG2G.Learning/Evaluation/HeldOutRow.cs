namespace OpenG2G.Learning.Evaluation;

/// <summary>
/// One (held-out scenario, case) run: the summary's voltage and service metrics (Core's accumulators, as in
/// <c>summary.json</c>): the measured throughput (time mean of what the datacenter reports) and the nominal one.
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
    double NominalThroughputTokensPerS,
    double ItlDeadlineMissFraction,
    double MeanPowerKw,
    long Commands,
    string Overrides);
