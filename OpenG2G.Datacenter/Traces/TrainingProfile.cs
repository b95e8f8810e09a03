namespace OpenG2G.Datacenter.Traces;

/// <summary>
/// A per-GPU training power profile as a fraction of the job's peak power: a warm-up segment played
/// once from the job's start, then a steady segment repeated until the job ends. Synthetic: no
/// licensed measured training time series exists (see <c>traces/README.md</c>).
/// </summary>
public sealed class TrainingProfile
{
    private readonly float[] _warmup;
    private readonly float[] _steady;

    public TrainingProfile(string id, double samplePeriodS, float[] warmupFraction, float[] steadyFraction, Provenance provenance, string description)
    {
        if (steadyFraction.Length == 0)
            throw new ArgumentException("a training profile needs a non-empty steady segment", nameof(steadyFraction));
        Id = id;
        SamplePeriodS = samplePeriodS;
        _warmup = warmupFraction;
        _steady = steadyFraction;
        Provenance = provenance;
        Description = description;
        SteadyMeanFraction = steadyFraction.Average(v => (double)v);
        MaxFraction = warmupFraction.Concat(steadyFraction).Max(v => (double)v);
    }

    public string Id { get; }

    /// <summary>Spacing of the samples in seconds.</summary>
    public double SamplePeriodS { get; }

    /// <summary>Warm-up fractions of peak, played once from the start of the job.</summary>
    public ReadOnlySpan<float> Warmup => _warmup;

    /// <summary>Steady fractions of peak, repeated.</summary>
    public ReadOnlySpan<float> Steady => _steady;

    /// <summary>Mean of the steady segment (fraction of peak).</summary>
    public double SteadyMeanFraction { get; }

    /// <summary>Largest fraction of peak over the warm-up and steady segments.</summary>
    public double MaxFraction { get; }

    public Provenance Provenance { get; }

    /// <summary>How the profile was made (parameters, measured average it is scaled to).</summary>
    public string Description { get; }

    /// <summary>Fraction of peak at sample <paramref name="index"/> since the job started (&gt;= 0).</summary>
    public double FractionAt(long index) =>
        index < _warmup.Length ? _warmup[index] : _steady[(int)((index - _warmup.Length) % _steady.Length)];
}
