namespace OpenG2G.Core.Metrics;

/// <summary>
/// Voltage quality over a run, with the published OpenG2G definitions (see
/// <see cref="VoltageMetricsAccumulator"/>).
/// </summary>
/// <param name="ViolationTimeS">Snapshots with any violation times the snapshot spacing, in seconds.</param>
/// <param name="IntegralViolationPuS">Sum over snapshots of the summed violation depth times the spacing, in pu·s.</param>
/// <param name="WorstVminPu">Lowest counted voltage in any snapshot (NaN without snapshots).</param>
/// <param name="WorstVmaxPu">Highest counted voltage in any snapshot (NaN without snapshots).</param>
/// <param name="Snapshots">Grid snapshots counted.</param>
/// <param name="SnapshotSpacingS">The spacing used: median gap between snapshots in seconds.</param>
/// <param name="ViolatingSnapshots">Snapshots with a positive violation sum.</param>
public sealed record VoltageMetrics(
    double ViolationTimeS,
    double IntegralViolationPuS,
    double WorstVminPu,
    double WorstVmaxPu,
    int Snapshots,
    double SnapshotSpacingS,
    int ViolatingSnapshots);
