using System.Collections.Immutable;
using System.Globalization;
using OpenG2G.Core.Options;

namespace OpenG2G.Learning.Randomisation;

/// <summary>
/// Distributions the scenario randomiser draws every episode from (each range [low, high] is uniform;
/// an empty range keeps the base scenario's value). They act on one trace-replay datacenter (its first
/// training job and every model's first replica ramp), the grid's PV and external loads, the models'
/// initial batch size and the feeder's source voltage.
/// </summary>
public sealed record RandomiseOptions : IValidatable
{
    /// <summary>Datacenter the draws apply to (default: the scenario's first).</summary>
    public string? Datacenter { get; init; }

    /// <summary>Start of the first training job, s.</summary>
    public ImmutableArray<double> TrainingStartS { get; init; } = [];

    /// <summary>Length of the first training job, s.</summary>
    public ImmutableArray<double> TrainingDurationS { get; init; } = [];

    /// <summary>The job's GPUs as a fraction of the base scenario's (rounded to whole servers).</summary>
    public ImmutableArray<double> TrainingGpuFraction { get; init; } = [];

    /// <summary>Start of every model's first replica ramp, s (one draw for all models).</summary>
    public ImmutableArray<double> RampStartS { get; init; } = [];

    /// <summary>Length of the ramps, s.</summary>
    public ImmutableArray<double> RampDurationS { get; init; } = [];

    /// <summary>Ramp target as a fraction of each model's initial replicas (rounded to whole replicas).</summary>
    public ImmutableArray<double> RampTargetFraction { get; init; } = [];

    /// <summary>Multiplier of every PV system's peak power.</summary>
    public ImmutableArray<double> PvScale { get; init; } = [];

    /// <summary>Multiplier of every external load's peak power.</summary>
    public ImmutableArray<double> LoadScale { get; init; } = [];

    /// <summary>Initial batch size of every model, one drawn uniformly from this list per episode (each must be feasible).</summary>
    public ImmutableArray<int> InitialBatchSizes { get; init; } = [];

    /// <summary>Feeder source voltage, pu.</summary>
    public ImmutableArray<double> SourcePu { get; init; } = [];

    /// <summary>The ranges by YAML key, in the order they are drawn.</summary>
    internal IEnumerable<(string Key, ImmutableArray<double> Range)> Ranges()
    {
        yield return ("training_start_s", TrainingStartS);
        yield return ("training_duration_s", TrainingDurationS);
        yield return ("training_gpu_fraction", TrainingGpuFraction);
        yield return ("ramp_start_s", RampStartS);
        yield return ("ramp_duration_s", RampDurationS);
        yield return ("ramp_target_fraction", RampTargetFraction);
        yield return ("pv_scale", PvScale);
        yield return ("load_scale", LoadScale);
        yield return ("source_pu", SourcePu);
    }

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        foreach (var (key, range) in Ranges())
        {
            if (range.IsDefaultOrEmpty)
                continue;
            if (range.Length != 2)
                yield return new ValidationProblem(key, $"a range is [low, high], got {range.Length} values");
            else if (!(range[0] <= range[1]) || range.Any(v => !double.IsFinite(v) || v < 0))
                yield return new ValidationProblem(key, string.Create(CultureInfo.InvariantCulture, $"needs 0 <= low <= high, got [{range[0]}, {range[1]}]"));
        }
        if (!TrainingDurationS.IsDefaultOrEmpty && TrainingDurationS.Length == 2 && TrainingDurationS[0] <= 0)
            yield return new ValidationProblem("training_duration_s", "a training job lasts > 0 s");
        if (!SourcePu.IsDefaultOrEmpty && SourcePu.Length == 2 && SourcePu[0] <= 0)
            yield return new ValidationProblem("source_pu", "the source voltage must be > 0 pu");
        for (int i = 0; i < InitialBatchSizes.Length; i++)
        {
            if (InitialBatchSizes[i] <= 0)
                yield return new ValidationProblem($"initial_batch_sizes[{i}]", $"must be > 0, got {InitialBatchSizes[i]}");
        }
    }
}
