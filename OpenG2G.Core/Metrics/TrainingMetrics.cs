using System.Collections.Immutable;

namespace OpenG2G.Core.Metrics;

/// <summary>
/// Training jobs over a run: the work they did under the power caps in force against what they would
/// have done uncapped (see <see cref="TrainingMetricsAccumulator"/>).
/// </summary>
/// <param name="MeanThroughputFraction">GPU-hours of work done / GPU-hours running, over all jobs (NaN when no job ran).</param>
/// <param name="EnergyKwh">Energy of the jobs' GPUs, kWh.</param>
/// <param name="GpuHoursWork">GPU-hours of work done: running GPUs x throughput fraction x time.</param>
/// <param name="GpuHoursUncapped">GPU-hours the jobs ran: the work they would have done uncapped.</param>
/// <param name="Jobs">Per job, in site then scenario order.</param>
public sealed record TrainingMetrics(
    double MeanThroughputFraction,
    double EnergyKwh,
    double GpuHoursWork,
    double GpuHoursUncapped,
    ImmutableArray<TrainingJobMetrics> Jobs);

/// <summary>One training job over a run.</summary>
/// <param name="Datacenter">Site name.</param>
/// <param name="Job">Job name.</param>
/// <param name="Gpus">GPUs of the job.</param>
/// <param name="Gpu">GPU type of the job.</param>
/// <param name="RunningTimeS">Time the job ran within the run, seconds.</param>
/// <param name="MeanThroughputFraction">Time mean, while running, of its throughput relative to uncapped (NaN when it never ran).</param>
/// <param name="MeanPowerKw">Mean power of its GPUs while running, kW (NaN when it never ran).</param>
/// <param name="EnergyKwh">Energy of its GPUs, kWh.</param>
/// <param name="GpuHoursWork">GPUs x throughput fraction x time, GPU-hours.</param>
/// <param name="GpuHoursUncapped">GPUs x running time, GPU-hours.</param>
/// <param name="MinPowerCapW">Lowest cap per GPU in force while running, watts (NaN when the job cannot be capped or never ran).</param>
/// <param name="PowerCapResponse">Measured power-cap response id, or null.</param>
/// <param name="PowerCapCurveGpu">GPU type that response was measured on, or null.</param>
/// <param name="BorrowsPowerCapCurve">True when that GPU type differs from the job's.</param>
public sealed record TrainingJobMetrics(
    string Datacenter,
    string Job,
    int Gpus,
    string Gpu,
    double RunningTimeS,
    double MeanThroughputFraction,
    double MeanPowerKw,
    double EnergyKwh,
    double GpuHoursWork,
    double GpuHoursUncapped,
    double MinPowerCapW,
    string? PowerCapResponse,
    string? PowerCapCurveGpu,
    bool BorrowsPowerCapCurve);
