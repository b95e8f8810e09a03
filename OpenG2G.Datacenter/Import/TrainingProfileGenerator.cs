using System.Globalization;
using OpenG2G.Core.Randomness;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Import;

/// <summary>
/// Generates the synthetic training power profile (fraction of peak per GPU, 0.1 s samples): a
/// warm-up ramp, then a repeating steady segment of training iterations (compute plateau,
/// communication dip), with one checkpoint pause per segment and small per-sample noise. The dip
/// and checkpoint level is Perseus' measured "blocking power" of an A100 relative to its 300 W limit;
/// the plateau is solved so that the steady mean equals the measured average power of GPT-3 XL
/// pipeline training on A100 at its highest limit (Perseus ZeusGlobal), relative to that limit.
/// </summary>
internal static class TrainingProfileGenerator
{
    public const string ProfileId = "llm-training-synthetic";
    public const double SamplePeriodS = 0.1;
    public const double WarmupS = 60.0;
    public const double IterationS = 5.0;
    public const double DipS = 0.4;
    public const double SteadyS = 600.0;
    public const double CheckpointS = 10.0;
    public const double NoiseFraction = 0.01;
    public const ulong NoiseSeed = 20240820;

    /// <summary>Perseus artifact notebook: GPU power while blocked on communication, A100, watts.</summary>
    public const double A100BlockingPowerW = 83.64;

    public static TrainingProfile Generate(PowerCapPoint a100Uncapped)
    {
        double limit = a100Uncapped.PowerLimitW;
        double dip = A100BlockingPowerW / limit;
        double target = a100Uncapped.PowerPerGpuW / limit;
        int steadySamples = (int)Math.Round(SteadyS / SamplePeriodS);
        int checkpointSamples = (int)Math.Round(CheckpointS / SamplePeriodS);
        int iterationSamples = (int)Math.Round(IterationS / SamplePeriodS);
        int dipSamples = (int)Math.Round(DipS / SamplePeriodS);
        var isDip = new bool[steadySamples];
        for (int i = 0; i < steadySamples; i++)
            isDip[i] = i >= steadySamples - checkpointSamples || i % iterationSamples >= iterationSamples - dipSamples;
        double dipShare = isDip.Count(d => d) / (double)steadySamples;
        double plateau = (target - dipShare * dip) / (1 - dipShare);

        var random = new SimRandom(NoiseSeed);
        var steady = new float[steadySamples];
        for (int i = 0; i < steadySamples; i++)
            steady[i] = (float)((isDip[i] ? dip : plateau) * (1 + NoiseFraction * random.NextGaussian()));
        // The noise is zero-mean but not exactly zero in a finite sample: rescale so the mean is the measured one.
        double mean = steady.Average(v => (double)v);
        for (int i = 0; i < steadySamples; i++)
            steady[i] = (float)(steady[i] * target / mean);

        int warmupSamples = (int)Math.Round(WarmupS / SamplePeriodS);
        var warmup = new float[warmupSamples];
        for (int i = 0; i < warmupSamples; i++)
        {
            double ramp = (double)i / warmupSamples;
            warmup[i] = (float)(dip + (steady[i % steadySamples] - dip) * ramp);
        }
        string description = string.Create(CultureInfo.InvariantCulture,
            $"synthetic: {WarmupS} s linear warm-up from the dip level, then a {SteadyS} s steady segment of {IterationS} s iterations " +
            $"(compute plateau {plateau:F4}, {DipS} s communication dip at {dip:F4}) ending in a {CheckpointS} s checkpoint pause at the dip level, " +
            $"{NoiseFraction * 100} % Gaussian noise (seed {NoiseSeed}); fractions of the peak (power limit). Dip level = Perseus A100 blocking power " +
            $"{A100BlockingPowerW} W / {limit} W; steady mean {target:F4} = measured {a100Uncapped.PowerPerGpuW:F1} W per GPU of GPT-3 XL training " +
            $"on A100 at {limit} W (perseus-sosp24 zeus_global_A100.csv)");
        return new TrainingProfile(ProfileId, SamplePeriodS, warmup, steady, Provenance.Synthetic, description);
    }
}
