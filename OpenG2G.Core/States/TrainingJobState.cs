namespace OpenG2G.Core.States;

/// <summary>What one training job did during one datacenter step.</summary>
/// <param name="Info">The job.</param>
/// <param name="Running">True inside the job's [start, end) window.</param>
/// <param name="PowerW">Electrical power of the job's GPUs in watts (0 when not running; idle power of its reserved GPUs is not included).</param>
/// <param name="PowerCapW">GPU power cap per GPU in force, watts; NaN when the job cannot be capped.</param>
/// <param name="ThroughputFraction">Training throughput relative to uncapped operation under the cap in force (measured curve; 1 without one); NaN when not running.</param>
public readonly record struct TrainingJobState(
    TrainingJobInfo Info,
    bool Running,
    double PowerW,
    double PowerCapW,
    double ThroughputFraction);
