namespace OpenG2G.Datacenter.Traces;

/// <summary>
/// A power time series of one GPU on a regular grid (per GPU: a replica's summed power divided by
/// its GPU count). Stored as float32, which keeps 7 significant digits, far below measurement noise.
/// </summary>
public sealed class PowerSeries
{
    private readonly float[] _powerW;

    public PowerSeries(int id, double samplePeriodS, float[] powerWPerGpu, Provenance provenance, string source)
    {
        if (powerWPerGpu.Length == 0)
            throw new ArgumentException("a power series needs at least one sample", nameof(powerWPerGpu));
        if (!(samplePeriodS > 0))
            throw new ArgumentOutOfRangeException(nameof(samplePeriodS), samplePeriodS, "must be positive");
        Id = id;
        SamplePeriodS = samplePeriodS;
        _powerW = powerWPerGpu;
        Provenance = provenance;
        Source = source;
        double sum = 0;
        foreach (float p in powerWPerGpu)
            sum += p;
        MeanPowerW = sum / powerWPerGpu.Length;
    }

    public int Id { get; }

    /// <summary>Spacing of the samples in seconds.</summary>
    public double SamplePeriodS { get; }

    /// <summary>Per-GPU power in watts, one value per sample.</summary>
    public ReadOnlySpan<float> PowerW => _powerW;

    public int Length => _powerW.Length;

    /// <summary>Mean of the samples in watts per GPU.</summary>
    public double MeanPowerW { get; }

    public Provenance Provenance { get; }

    /// <summary>Where the samples come from (upstream file).</summary>
    public string Source { get; }
}
