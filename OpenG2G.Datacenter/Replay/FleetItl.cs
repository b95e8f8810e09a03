using OpenG2G.Core.Randomness;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Replay;

/// <summary>
/// Draws the fleet-average inter-token latency of n replicas, each an independent draw from the
/// same <see cref="ItlDistribution"/>. Up to <see cref="ExactLimit"/> replicas the n draws are
/// averaged exactly; beyond that, the average of the lognormal part is drawn from the lognormal
/// with the same mean and variance as that average (Fenton-Wilkinson), which keeps the mean and
/// variance exact, stays positive and right-skewed, and costs one normal draw per model and step.
/// </summary>
internal sealed class FleetItl
{
    /// <summary>Largest fleet averaged draw by draw.</summary>
    public const int ExactLimit = 32;

    private readonly ItlDistribution _distribution;
    private readonly double _partMean;
    private readonly double _partVariance;

    public FleetItl(ItlDistribution distribution)
    {
        _distribution = distribution;
        _partMean = distribution.MeanS - distribution.LocS;
        _partVariance = distribution.VarianceS2;
    }

    public ItlDistribution Distribution => _distribution;

    /// <summary>Average ITL of <paramref name="replicas"/> replicas in seconds; NaN for none.</summary>
    public double Sample(int replicas, SimRandom random)
    {
        if (replicas <= 0)
            return double.NaN;
        if (replicas <= ExactLimit)
        {
            double sum = 0;
            for (int i = 0; i < replicas; i++)
                sum += _distribution.Sample(random);
            return sum / replicas;
        }
        double s2 = Math.Log(1.0 + _partVariance / (replicas * _partMean * _partMean));
        double mu = Math.Log(_partMean) - 0.5 * s2;
        return _distribution.LocS + Math.Exp(mu + Math.Sqrt(s2) * random.NextGaussian());
    }
}
