using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Options;

namespace OpenG2G.Datacenter.Options;

/// <summary>
/// Options of the <c>trace-replay</c> datacenter (YAML keys in snake_case). The scenario layer
/// handles <c>name</c>, <c>type</c>, <c>period_s</c>, <c>bus</c>, <c>connection</c> and
/// <c>power_factor</c>; everything else is here. Checks that need the trace library (labels,
/// batch sizes) happen when the datacenter is built.
/// </summary>
public sealed record TraceReplayOptions : IValidatable
{
    /// <summary>GPUs per server (&gt; 0). Default 8.</summary>
    public int GpusPerServer { get; init; } = 8;

    /// <summary>Total GPUs of the site (a positive multiple of <see cref="GpusPerServer"/>). Required.</summary>
    public int CapacityGpus { get; init; }

    /// <summary>GPU type of the site, the default for models and training jobs. Default <c>H100</c>.</summary>
    public string GpuType { get; init; } = "H100";

    /// <summary>Served models, in the order states report them.</summary>
    public ImmutableArray<ServedModelOptions> Models { get; init; } = ImmutableArray<ServedModelOptions>.Empty;

    /// <summary>Training jobs.</summary>
    public ImmutableArray<TrainingJobOptions> Training { get; init; } = ImmutableArray<TrainingJobOptions>.Empty;

    /// <summary>Constant non-GPU load per phase in kW (&gt;= 0). Default 0.</summary>
    public double BaseLoadKwPerPhase { get; init; }

    /// <summary>Idle power per GPU in watts; default the library's value for <see cref="GpuType"/> (see <c>traces/README.md</c>).</summary>
    public double? IdlePowerWPerGpu { get; init; }

    /// <summary>Which servers are on and draw idle power for unused GPUs. Default <see cref="PoweredOnServers.Serving"/>.</summary>
    public PoweredOnServers PoweredOnServers { get; init; } = PoweredOnServers.Serving;

    /// <summary>Facility overhead; default none (PUE 1).</summary>
    public FacilityOverheadOptions FacilityOverhead { get; init; } = new();

    /// <summary>Per-server amplitude jitter: each server's power is scaled by a factor uniform in [1 - j, 1 + j). Default 0.02.</summary>
    public double AmplitudeJitter { get; init; } = 0.02;

    /// <summary>
    /// Per-server, per-step Gaussian noise as a fraction of the server's power (standard deviation). Default 0.005.
    /// Independent per server; drawn as its exact sum per model and phase (one draw, not one per server).
    /// </summary>
    public double NoiseFraction { get; init; } = 0.005;

    /// <summary>Added to the layout's random stream name, so two sites with the same models get different layouts. Default 0.</summary>
    public int LayoutSeedOffset { get; init; }

    /// <summary>Trace library folder (relative to the scenario file); default the run's library.</summary>
    public string? TraceLibrary { get; init; }

    public IEnumerable<ValidationProblem> Validate()
    {
        if (GpusPerServer <= 0)
            yield return Problem("gpus_per_server", $"must be > 0, got {GpusPerServer}");
        if (CapacityGpus <= 0)
            yield return Problem("capacity_gpus", $"must be > 0, got {CapacityGpus}");
        else if (GpusPerServer > 0 && CapacityGpus % GpusPerServer != 0)
            yield return Problem("capacity_gpus", $"must be a multiple of gpus_per_server ({GpusPerServer}), got {CapacityGpus}");
        if (string.IsNullOrWhiteSpace(GpuType))
            yield return Problem("gpu_type", "must not be empty");
        if (!(BaseLoadKwPerPhase >= 0))
            yield return Problem("base_load_kw_per_phase", $"must be >= 0, got {BaseLoadKwPerPhase}");
        if (IdlePowerWPerGpu is { } idle && !(idle >= 0))
            yield return Problem("idle_power_w_per_gpu", $"must be >= 0, got {idle}");
        if (!(FacilityOverhead.Pue >= 1))
            yield return Problem("facility_overhead.pue", $"must be >= 1, got {FacilityOverhead.Pue}");
        if (!(FacilityOverhead.CoolingTimeConstantS >= 0))
            yield return Problem("facility_overhead.cooling_time_constant_s", $"must be >= 0, got {FacilityOverhead.CoolingTimeConstantS}");
        if (!(AmplitudeJitter >= 0 && AmplitudeJitter < 1))
            yield return Problem("amplitude_jitter", $"must be in [0, 1), got {AmplitudeJitter}");
        if (!(NoiseFraction >= 0 && NoiseFraction < 1))
            yield return Problem("noise_fraction", $"must be in [0, 1), got {NoiseFraction}");
        if (Models.IsEmpty && Training.IsEmpty)
            yield return Problem("models", "a datacenter needs at least one model or training job");
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < Models.Length; i++)
        {
            foreach (var p in ValidateModel(Models[i], $"models[{i}]", labels))
                yield return p;
        }
        var names = new HashSet<string>(labels, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < Training.Length; i++)
        {
            foreach (var p in ValidateTraining(Training[i], $"training[{i}]", TrainingName(i), names))
                yield return p;
        }
    }

    /// <summary>The name of training job <paramref name="index"/>: its <c>name</c>, else <c>training</c>, <c>training2</c>, ...</summary>
    public string TrainingName(int index) =>
        Training[index].Name ?? (index == 0 ? "training" : "training" + (index + 1).ToString(CultureInfo.InvariantCulture));

    private IEnumerable<ValidationProblem> ValidateModel(ServedModelOptions m, string path, HashSet<string> labels)
    {
        if (string.IsNullOrWhiteSpace(m.Label))
            yield return Problem(path + ".label", "must name a model of the trace library");
        else if (!labels.Add(m.Label))
            yield return Problem(path + ".label", $"'{m.Label}' is served twice; give each model once");
        if (m.GpusPerReplica is { } g && g <= 0)
            yield return Problem(path + ".gpus_per_replica", $"must be > 0, got {g}");
        else if (m.GpusPerReplica is { } g2 && GpusPerServer > 0 && g2 % GpusPerServer != 0 && GpusPerServer % g2 != 0)
            yield return Problem(path + ".gpus_per_replica", $"must divide gpus_per_server ({GpusPerServer}) or be a multiple of it, got {g2}");
        if (!(m.ItlDeadlineS > 0))
            yield return Problem(path + ".itl_deadline_s", $"must be > 0, got {m.ItlDeadlineS}");
        if (m.InitialReplicas < 0)
            yield return Problem(path + ".initial_replicas", $"must be >= 0, got {m.InitialReplicas}");
        for (int i = 0; i < m.FeasibleBatchSizes.Length; i++)
        {
            if (m.FeasibleBatchSizes[i] <= 0 || (i > 0 && m.FeasibleBatchSizes[i] <= m.FeasibleBatchSizes[i - 1]))
                yield return Problem($"{path}.feasible_batch_sizes[{i}]", $"must be positive and ascending, got {m.FeasibleBatchSizes[i]}");
        }
        if (!m.FeasibleBatchSizes.IsEmpty && !m.FeasibleBatchSizes.Contains(m.InitialBatchSize))
            yield return Problem(path + ".initial_batch_size", $"{m.InitialBatchSize} is not among feasible_batch_sizes ({string.Join(", ", m.FeasibleBatchSizes)})");
        double previousEnd = double.NegativeInfinity;
        for (int i = 0; i < m.Ramps.Length; i++)
        {
            var r = m.Ramps[i];
            string rp = $"{path}.ramps[{i}]";
            if (!(r.StartS >= 0))
                yield return Problem(rp + ".start_s", $"must be >= 0, got {r.StartS}");
            if (!(r.EndS >= r.StartS))
                yield return Problem(rp + ".end_s", $"must be >= start_s ({r.StartS}), got {r.EndS}");
            if (r.StartS < previousEnd)
                yield return Problem(rp + ".start_s", $"must not be before the previous ramp's end ({previousEnd}), got {r.StartS}");
            if (r.Target < 0)
                yield return Problem(rp + ".target", $"must be >= 0, got {r.Target}");
            previousEnd = Math.Max(previousEnd, r.EndS);
        }
    }

    private static IEnumerable<ValidationProblem> ValidateTraining(TrainingJobOptions t, string path, string name, HashSet<string> names)
    {
        if (!names.Add(name))
            yield return Problem(path + ".name", $"'{name}' is already a model label or another job's name");
        if (t.Gpus <= 0)
            yield return Problem(path + ".gpus", $"must be > 0, got {t.Gpus}");
        if (!(t.StartS >= 0))
            yield return Problem(path + ".start_s", $"must be >= 0, got {t.StartS}");
        if (!(t.EndS > t.StartS))
            yield return Problem(path + ".end_s", $"must be > start_s ({t.StartS}), got {t.EndS}");
        if ((t.PeakWPerGpu is null) == (t.PowerCapResponse is null))
            yield return Problem(path, "give exactly one of peak_w_per_gpu (profile x peak) and power_cap_response (measured power at the cap)");
        if (t.PeakWPerGpu is { } peak && !(peak > 0))
            yield return Problem(path + ".peak_w_per_gpu", $"must be > 0, got {peak}");
        if (t.PowerCapCurve is not null && t.PowerCapResponse is null)
            yield return Problem(path + ".power_cap_curve", "needs power_cap_response (the measured response whose curve the job borrows)");
        if (t.PowerCapW is not null && t.PowerCapResponse is null)
            yield return Problem(path + ".power_cap_w", "needs power_cap_response (the measured response that says what a cap does)");
        if (t.PhaseSplit.Length != 3 || t.PhaseSplit.Any(v => !(v >= 0)) || Math.Abs(t.PhaseSplit.Sum() - 1.0) > 1e-9)
            yield return Problem(path + ".phase_split", $"must be three shares >= 0 summing to 1, got [{string.Join(", ", t.PhaseSplit)}]");
    }

    private static ValidationProblem Problem(string path, FormattableString message) =>
        new(path, message.ToString(CultureInfo.InvariantCulture));

    private static ValidationProblem Problem(string path, string message) => new(path, message);
}
