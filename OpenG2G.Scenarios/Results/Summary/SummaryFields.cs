using OpenG2G.Core.Metrics;

namespace OpenG2G.Scenarios.Results.Summary;

/// <summary>
/// The one table of <c>summary.json</c>'s fields, in file order: <see cref="Run"/> for the scalars of a run,
/// <see cref="Model"/> for each entry of <c>service.models</c>, <see cref="Job"/> for each entry of
/// <c>training.jobs</c>. <c>summary.json</c>, <c>openg2g summarize</c>, the run's console table and sweep
/// tables all read these lists.
/// </summary>
public static class SummaryFields
{
    /// <summary>Scalars of a run, grouped by object (<c>voltage</c>, <c>service</c>, <c>datacenter</c>, <c>training</c>, <c>run</c>).</summary>
    public static IReadOnlyList<SummaryField<RunSummary>> Run { get; } =
    [
        Text("scenario", "scenario name", s => s.Scenario),
        Num("voltage.violation_time_s", "s", "time with any counted bus-phase outside the band (snapshots with a violation x dt)", s => s.Voltage.ViolationTimeS, new("violation time (s)", "F1")),
        Num("voltage.integral_violation_pu_s", "pu·s", "sum over snapshots of the summed band excursions x dt", s => s.Voltage.IntegralViolationPuS, new("integral violation (pu·s)", "F4")),
        Num("voltage.worst_vmin_pu", "pu", "lowest counted voltage", s => s.Voltage.WorstVminPu, new("worst vmin (pu)", "F4")),
        Num("voltage.worst_vmax_pu", "pu", "highest counted voltage", s => s.Voltage.WorstVmaxPu, new("worst vmax (pu)", "F4")),
        Num("voltage.v_min_pu", "pu", "lower limit of the band", s => s.Band.VMinPu),
        Num("voltage.v_max_pu", "pu", "upper limit of the band", s => s.Band.VMaxPu),
        Whole("voltage.snapshots", "grid snapshots counted", s => s.Voltage.Snapshots),
        Whole("voltage.violating_snapshots", "snapshots with a violation", s => s.Voltage.ViolatingSnapshots),
        Num("voltage.snapshot_spacing_s", "s", "dt: median spacing of snapshots", s => s.Voltage.SnapshotSpacingS),
        Num("service.mean_throughput_tokens_per_s", "tokens/s", "time mean of the output throughput the datacenters report (measured, or fitted where not measured)", s => s.Service.MeanThroughputTokensPerS, new("throughput (k tok/s)", "F1", 1e-3)),
        Num("service.nominal_throughput_tokens_per_s", "tokens/s", "published OpenG2G definition (batch / ITL x replicas per timestamp); assumes full batches, for comparison with published numbers", s => s.Service.NominalThroughputTokensPerS, new("nominal thr. (k tok/s)", "F1", 1e-3)),
        Num("service.energy_per_token_j", "J/token", "GPU energy of the inference replicas per output token", s => s.Service.EnergyPerTokenJ, new("J/token", "F3")),
        Num("service.itl_deadline_miss_fraction", "1", "share of valid (state, model) ITL samples over the model's deadline", s => s.Service.ItlDeadlineMissFraction, new("ITL misses", "F2", 100, " %")),
        Whole("service.valid_samples", "valid (state, model) samples: replicas > 0 and finite ITL", s => s.Service.ValidSamples),
        Num("datacenter.mean_power_kw", "kW", "total power of all sites (inference, training, idle, base load, overhead), time mean", s => s.Service.MeanPowerKw, new("mean DC power (kW)", "F0")),
        Num("datacenter.energy_kwh", "kWh", "energy of all sites", s => s.Service.EnergyKwh),
        Num("datacenter.inference_mean_power_kw", "kW", "GPU power of the inference replicas, time mean", s => s.Service.InferenceMeanPowerKw),
        Num("datacenter.inference_energy_kwh", "kWh", "GPU energy of the inference replicas", s => s.Service.InferenceEnergyKwh),
        Num("datacenter.training_mean_power_kw", "kW", "GPU power of the training jobs, time mean over the run", s => s.Service.TrainingMeanPowerKw),
        Num("datacenter.training_energy_kwh", "kWh", "GPU energy of the training jobs", s => s.Service.TrainingEnergyKwh),
        Num("training.mean_throughput_fraction", "1", "GPU-hours of training work done / GPU-hours the jobs ran (1 = uncapped; null without training)", s => s.Training.MeanThroughputFraction, new("training thr. fraction", "F3")),
        Num("training.energy_kwh", "kWh", "GPU energy of the training jobs", s => s.Training.EnergyKwh),
        Num("training.gpu_hours_work", "GPU·h", "work done: running GPUs x throughput fraction x time", s => s.Training.GpuHoursWork),
        Num("training.gpu_hours_uncapped", "GPU·h", "work the jobs would have done uncapped: running GPUs x time", s => s.Training.GpuHoursUncapped),
        Text("run.status", "completed, failed or interrupted", s => s.Status, new("status", "")),
        Text("run.error", "the failure's message, or null", s => s.Error),
        new("run.seed", SummaryValueType.Whole, "", "seed of the run's random streams", s => SummaryValue.Of(s.Seed)),
        Text("run.version", "openg2g version", s => s.Version),
        Num("run.duration_s", "s", "duration asked for", s => s.DurationS),
        Num("run.simulated_time_s", "s", "simulated time reached", s => s.SimulatedTimeS),
        Whole("run.grid_solves", "power-flow solves", s => s.GridSolves),
        Whole("run.datacenter_steps", "datacenter steps", s => s.DatacenterSteps),
        Whole("run.controller_steps", "controller steps", s => s.ControllerSteps),
        Whole("run.commands", "commands applied", s => s.Commands, new("commands", "")),
        Whole("run.events", "events recorded", s => s.Events),
        Num("run.wall_time_s", "s", "wall-clock time of load, build, run and write (the one value that differs between identical runs)", s => s.WallTimeS, new("wall (s)", "F2")),
    ];

    /// <summary>The fields of one entry of <c>service.models</c>.</summary>
    public static IReadOnlyList<SummaryField<ModelServiceMetrics>> Model { get; } =
    [
        new("model", SummaryValueType.Text, "", "model label", m => SummaryValue.Of(m.Model)),
        new("mean_throughput_tokens_per_s", SummaryValueType.Number, "tokens/s", "time mean of the throughput the datacenters report for the model", m => SummaryValue.Of(m.MeanThroughputTokensPerS)),
        new("nominal_throughput_tokens_per_s", SummaryValueType.Number, "tokens/s", "published definition: batch / ITL x replicas", m => SummaryValue.Of(m.NominalThroughputTokensPerS)),
        new("throughput_source", SummaryValueType.Text, "", "least trustworthy source of the reported throughput during the run: measured, interpolated (fit between measured batch sizes), extrapolated (fit beyond them) or unknown", m => SummaryValue.Of(DatacenterWriter.SourceName(m.ThroughputSource))),
        new("measured_throughput_time_fraction", SummaryValueType.Number, "1", "share of the model's serving samples at a batch size whose throughput was measured", m => SummaryValue.Of(m.MeasuredThroughputFraction)),
        new("energy_per_token_j", SummaryValueType.Number, "J/token", "GPU energy of the model's replicas per output token", m => SummaryValue.Of(m.EnergyPerTokenJ)),
        new("mean_power_kw", SummaryValueType.Number, "kW", "GPU power of the model's replicas, time mean", m => SummaryValue.Of(m.MeanPowerKw)),
        new("energy_kwh", SummaryValueType.Number, "kWh", "GPU energy of the model's replicas", m => SummaryValue.Of(m.EnergyKwh)),
        new("mean_itl_s", SummaryValueType.Number, "s", "mean of the valid ITL samples", m => SummaryValue.Of(m.MeanItlS)),
        new("itl_p50_s", SummaryValueType.Number, "s", "median of the valid ITL samples the run drew", m => SummaryValue.Of(m.ItlP50S)),
        new("itl_p90_s", SummaryValueType.Number, "s", "90th percentile of the valid ITL samples", m => SummaryValue.Of(m.ItlP90S)),
        new("itl_p99_s", SummaryValueType.Number, "s", "99th percentile of the valid ITL samples", m => SummaryValue.Of(m.ItlP99S)),
        new("itl_deadline_miss_fraction", SummaryValueType.Number, "1", "share of the model's valid samples over its deadline", m => SummaryValue.Of(m.ItlDeadlineMissFraction)),
        new("mean_batch_size", SummaryValueType.Number, "", "mean batch size over the model's samples", m => SummaryValue.Of(m.MeanBatchSize)),
        new("valid_samples", SummaryValueType.Whole, "", "valid samples of the model", m => SummaryValue.Of(m.ValidSamples)),
    ];

    /// <summary>The fields of one entry of <c>training.jobs</c>.</summary>
    public static IReadOnlyList<SummaryField<TrainingJobMetrics>> Job { get; } =
    [
        new("datacenter", SummaryValueType.Text, "", "site", j => SummaryValue.Of(j.Datacenter)),
        new("job", SummaryValueType.Text, "", "job name", j => SummaryValue.Of(j.Job)),
        new("gpus", SummaryValueType.Whole, "", "GPUs of the job", j => SummaryValue.Of((long)j.Gpus)),
        new("gpu", SummaryValueType.Text, "", "GPU type of the job", j => SummaryValue.Of(j.Gpu)),
        new("running_time_s", SummaryValueType.Number, "s", "time the job ran within the run", j => SummaryValue.Of(j.RunningTimeS)),
        new("mean_throughput_fraction", SummaryValueType.Number, "1", "time mean while running of the throughput relative to uncapped (measured curve)", j => SummaryValue.Of(j.MeanThroughputFraction)),
        new("mean_power_kw", SummaryValueType.Number, "kW", "mean GPU power while running", j => SummaryValue.Of(j.MeanPowerKw)),
        new("energy_kwh", SummaryValueType.Number, "kWh", "GPU energy", j => SummaryValue.Of(j.EnergyKwh)),
        new("gpu_hours_work", SummaryValueType.Number, "GPU·h", "work done: GPUs x throughput fraction x time", j => SummaryValue.Of(j.GpuHoursWork)),
        new("gpu_hours_uncapped", SummaryValueType.Number, "GPU·h", "GPUs x running time", j => SummaryValue.Of(j.GpuHoursUncapped)),
        new("min_power_cap_w", SummaryValueType.Number, "W", "lowest cap per GPU in force while running (null when the job cannot be capped)", j => SummaryValue.Of(j.MinPowerCapW)),
        new("power_cap_response", SummaryValueType.Text, "", "measured power-cap response the job's capped power and throughput come from (null: cannot be capped)", j => SummaryValue.Of(j.PowerCapResponse)),
        new("power_cap_curve_gpu", SummaryValueType.Text, "", "GPU type that response was measured on", j => SummaryValue.Of(j.PowerCapCurveGpu)),
        new("borrows_power_cap_curve", SummaryValueType.Flag, "", "true when the curve was measured on another GPU type than the job's (power_cap_curve)", j => SummaryValue.Of(j.BorrowsPowerCapCurve)),
    ];

    private static SummaryField<RunSummary> Num(string path, string unit, string description, Func<RunSummary, double> get, SummaryHeadline? headline = null) =>
        new(path, SummaryValueType.Number, unit, description, s => SummaryValue.Of(get(s)), headline);

    private static SummaryField<RunSummary> Whole(string path, string description, Func<RunSummary, long> get, SummaryHeadline? headline = null) =>
        new(path, SummaryValueType.Whole, "", description, s => SummaryValue.Of(get(s)), headline);

    private static SummaryField<RunSummary> Text(string path, string description, Func<RunSummary, string?> get, SummaryHeadline? headline = null) =>
        new(path, SummaryValueType.Text, "", description, s => SummaryValue.Of(get(s)), headline);
}
