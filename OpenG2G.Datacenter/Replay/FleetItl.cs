using OpenG2G.Core.Randomness;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Replay;

/// <summary>
/// Draws the fleet-average inter-token latency of n replicas, each an independent draw from the
/// same <see cref="ItlDistribution"/>. Up to <see cref="ExactLimit"/> replicas the n draws are
/// averaged exactly. For larger fleets the number of replicas in the steady component is drawn
/// (binomial; normal approximation when its variance exceeds 10), and each component's sum is drawn
/// exactly when it has at most <see cref="ExactLimit"/> terms, else from the lognormal with that sum's
/// mean and variance (Fenton-Wilkinson). Mean and variance stay exact, the result stays positive and
/// keeps the mixture's skew, and the cost is a handful of draws per model and step.
/// </summary>
internal sealed class FleetItl
{
    /// <summary>Largest count of draws summed one by one.</summary>
    public const int ExactLimit = 16;

    private readonly ItlDistribution _d;

    public FleetItl(ItlDistribution distribution)
    {
        _d = distribution;
    }

    public ItlDistribution Distribution => _d;

    /// <summary>Average ITL of <paramref name="replicas"/> replicas in seconds; NaN for none.</summary>
    public double Sample(int replicas, SimRandom random)
    {
        if (replicas <= 0)
            return double.NaN;
        if (replicas <= ExactLimit)
        {
            double sum = 0;
            for (int i = 0; i < replicas; i++)
                sum += _d.Sample(random);
            return sum / replicas;
        }
        int steady = Binomial(replicas, _d.PiSteady, random);
        double total = SumOf(steady, _d.SigmaSteady, _d.ScaleSteadyS, random)
            + SumOf(replicas - steady, _d.SigmaStall, _d.ScaleStallS, random);
        return _d.LocS + total / replicas;
    }

    private static double SumOf(int count, double sigma, double scale, SimRandom random)
    {
        if (count == 0)
            return 0.0;
        if (count <= ExactLimit)
        {
            double sum = 0;
            for (int i = 0; i < count; i++)
                sum += scale * Math.Exp(sigma * random.NextGaussian());
            return sum;
        }
        double s2One = sigma * sigma;
        double mean = count * scale * Math.Exp(0.5 * s2One);
        double variance = count * scale * scale * (Math.Exp(s2One) - 1) * Math.Exp(s2One);
        double s2 = Math.Log(1 + variance / (mean * mean));
        return Math.Exp(Math.Log(mean) - 0.5 * s2 + Math.Sqrt(s2) * random.NextGaussian());
    }

    private static int Binomial(int n, double p, SimRandom random)
    {
        if (p <= 0)
            return 0;
        if (p >= 1)
            return n;
        double variance = n * p * (1 - p);
        if (variance >= 10)
            return (int)Math.Clamp(Math.Round(n * p + Math.Sqrt(variance) * random.NextGaussian()), 0, n);
        // Inversion from the more likely end keeps (1-p)^n away from underflow.
        bool flip = p > 0.5;
        double q = flip ? 1 - p : p;
        double u = random.NextDouble();
        double probability = Math.Pow(1 - q, n);
        double cdf = probability;
        int k = 0;
        while (u > cdf && k < n)
        {
            probability *= (double)(n - k) / (k + 1) * q / (1 - q);
            k++;
            cdf += probability;
        }
        return flip ? n - k : k;
    }
}
