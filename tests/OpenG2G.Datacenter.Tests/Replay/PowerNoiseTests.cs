using System.Collections.Immutable;
using OpenG2G.Datacenter.Options;

namespace OpenG2G.Datacenter.Tests.Replay;

/// <summary>
/// The power noise is independent per server, N(0, (f p)^2) on a server drawing p, and is drawn as its
/// exact sum over a model's servers on a phase. The noisy and noise-free runs share the layout and the
/// traces (the noise has its own random stream), so their difference is the noise alone.
/// </summary>
public class PowerNoiseTests
{
    private const double Fraction = 0.01;
    private const int Steps = 3000;

    private static (List<double[]> Clean, List<double[]> Noisy) Runs(int replicasOf8Gpus)
    {
        TraceReplayOptions Options(double noise) => new()
        {
            CapacityGpus = 8 * replicasOf8Gpus,
            AmplitudeJitter = 0,
            NoiseFraction = noise,
            IdlePowerWPerGpu = 0,
            Models = ImmutableArray.Create(Fleets.Model("Llama-3.1-405B", 8, 0.12, replicasOf8Gpus)),
        };
        static List<double[]> Phases(TraceReplayOptions o) =>
            Fleets.Run(Fleets.Build(o), seed: 5, steps: Steps).Select(s => new[] { s.PowerW.A, s.PowerW.B, s.PowerW.C }).ToList();
        return (Phases(Options(0)), Phases(Options(Fraction)));
    }

    /// <summary>(noisy - clean) / (f x clean) on every phase and step.</summary>
    private static double[] Normalised(List<double[]> clean, List<double[]> noisy) =>
        Enumerable.Range(0, clean.Count).SelectMany(t => Enumerable.Range(0, 3)
            .Select(k => (noisy[t][k] - clean[t][k]) / (Fraction * clean[t][k]))).ToArray();

    private static (double Mean, double Std) Moments(double[] x)
    {
        double mean = x.Average();
        return (mean, Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1)));
    }

    [Fact]
    public void With_one_server_per_phase_the_noise_is_a_standard_normal_times_f_times_its_power()
    {
        // Three servers of one model: one per phase, so each phase's noise is its server's alone.
        var (clean, noisy) = Runs(3);
        var (mean, std) = Moments(Normalised(clean, noisy));
        Assert.InRange(mean, -0.05, 0.05); // 9,000 draws: standard error 0.011
        Assert.InRange(std, 0.95, 1.05);
    }

    [Fact]
    public void With_many_servers_per_phase_the_noise_of_the_sum_shrinks_as_independent_draws_do()
    {
        // 30 servers per phase: the sum's relative standard deviation is f sqrt(sum p^2) / sum p, between
        // f / sqrt(30) (equal powers) and well under f; one common draw per phase would give f.
        var (clean, noisy) = Runs(90);
        var (mean, std) = Moments(Normalised(clean, noisy));
        Assert.InRange(mean, -0.05, 0.05);
        Assert.InRange(std, 0.95 / Math.Sqrt(30), 0.4);
    }
}
