using System.Globalization;
using OpenG2G.Core.Options;

namespace OpenG2G.Core.Forecasts;

/// <summary>
/// How wrong a forecast is, so that perfect foresight is a choice (every field 0, the default) and
/// not an assumption. Errors are drawn once per forecast item (a training job, a replica ramp, an
/// attachment's profile) from a stream seeded by the run's seed, <see cref="NoiseSeed"/> and the
/// item's name: the same item is wrong in the same way at every step and in every run with the
/// same seeds. Powers are scaled by 1 + bias + noise x N(0, 1) (never below 0); start and end times
/// shift by timing bias + timing noise x N(0, 1) seconds (a positive shift forecasts the event later
/// than it happens).
/// </summary>
public sealed record ForecastError : IValidatable
{
    /// <summary>Relative error of every forecast power (0.1: forecasts 10 % high). Default 0; &gt; -1.</summary>
    public double PowerBiasFraction { get; init; }

    /// <summary>Standard deviation of the relative power error drawn per item. Default 0; &gt;= 0.</summary>
    public double PowerNoiseFraction { get; init; }

    /// <summary>Shift of every forecast start and end in seconds. Default 0.</summary>
    public double TimingBiasS { get; init; }

    /// <summary>Standard deviation of the timing error drawn per item, in seconds. Default 0; &gt;= 0.</summary>
    public double TimingNoiseS { get; init; }

    /// <summary>Seed of the error draws, combined with the run's seed. Default 0.</summary>
    public int NoiseSeed { get; init; }

    /// <summary>True when every error is zero (perfect foresight).</summary>
    public bool IsPerfect => PowerBiasFraction == 0 && PowerNoiseFraction == 0 && TimingBiasS == 0 && TimingNoiseS == 0;

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        if (!(PowerBiasFraction > -1 && double.IsFinite(PowerBiasFraction)))
            yield return Problem("power_bias_fraction", "must be finite and > -1", PowerBiasFraction);
        if (!(PowerNoiseFraction >= 0 && double.IsFinite(PowerNoiseFraction)))
            yield return Problem("power_noise_fraction", "must be finite and >= 0", PowerNoiseFraction);
        if (!double.IsFinite(TimingBiasS))
            yield return Problem("timing_bias_s", "must be a finite number", TimingBiasS);
        if (!(TimingNoiseS >= 0 && double.IsFinite(TimingNoiseS)))
            yield return Problem("timing_noise_s", "must be finite and >= 0", TimingNoiseS);
    }

    private static ValidationProblem Problem(string path, string rule, double value) =>
        new(path, $"{rule}, got {value.ToString(CultureInfo.InvariantCulture)}");
}
