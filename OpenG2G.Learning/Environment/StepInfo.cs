using OpenG2G.Scenarios.Results;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// What one environment step measured over its control period, and at the end of an episode the run's
/// summary (the same record <c>summary.json</c> is written from, built by Core's metric accumulators).
/// </summary>
/// <param name="TimeS">Simulated time of the decision the step applied, s.</param>
/// <param name="ViolationIntegralPuS">Summed violation depth of the counted bus-phases times the grid period, over the period's snapshots, pu·s.</param>
/// <param name="ViolationSquaredPu2">Mean over the period's snapshots of the summed squared violation depth, pu^2.</param>
/// <param name="MinVoltagePu">Lowest counted voltage over the period, pu.</param>
/// <param name="MeasuredThroughputTokensPerS">Mean over the period of the throughput the datacenters report (all target models), tokens/s.</param>
/// <param name="LatencyExcess">Mean over models of max(0, mean ITL / deadline - 1).</param>
/// <param name="Switches">Models whose batch size the action changed.</param>
/// <param name="Reward">The step's reward.</param>
/// <param name="Summary">At the episode's end, its run summary; null before.</param>
public sealed record StepInfo(
    double TimeS,
    double ViolationIntegralPuS,
    double ViolationSquaredPu2,
    double MinVoltagePu,
    double MeasuredThroughputTokensPerS,
    double LatencyExcess,
    int Switches,
    double Reward,
    RunSummary? Summary);
