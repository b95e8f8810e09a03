using System.Diagnostics;
using OpenG2G.Controllers.Rl;
using OpenG2G.Core.Randomness;
using OpenG2G.Learning.Environment;
using OpenG2G.Numerics.Networks;

namespace OpenG2G.Learning.Training;

public sealed partial class PpoTrainer
{
    /// <summary>Seed of environment <paramref name="env"/>'s episode in iteration <paramref name="iteration"/>.</summary>
    public static ulong EpisodeSeed(ulong trainingSeed, int iteration, int env) =>
        SimRandom.ForStream(trainingSeed, $"ppo/episode/{iteration}/{env}").NextUInt64();

    /// <summary>Play one episode in every environment with the current policy (sampling), in parallel.</summary>
    private double Collect(float[] mean, float[] std)
    {
        var clock = Stopwatch.StartNew();
        int iteration = Iteration;
        Parallel.For(0, _environments.Length, _parallel, i =>
        {
            var sampler = SimRandom.ForStream(_seed, $"ppo/actions/{iteration}/{i}");
            PlayEpisode(_environments[i], _episodes[i], EpisodeSeed(_seed, iteration, i), sampler, mean, std);
        });
        return clock.Elapsed.TotalSeconds;
    }

    private void PlayEpisode(IEnvironment env, EpisodeBuffer buffer, ulong seed, SimRandom sampler, float[] mean, float[] std)
    {
        int d = Spaces.Observation.Size, a = Spaces.Action.Size;
        var policyTape = new MlpTape(Policy, 1);
        var valueTape = new MlpTape(Value, 1);
        float clip = (float)_options.NormalisedClip;
        env.Reset(seed, buffer.RawObservations.AsSpan(0, d));
        double violation = 0, throughput = 0, total = 0;
        int t = 0;
        StepOutcome outcome = default;
        for (; t < buffer.MaxSteps; t++)
        {
            Span<float> x = buffer.Observations.AsSpan(t * d, d);
            Normalise(buffer.RawObservations.AsSpan(t * d, d), mean, std, clip, x);
            Policy.Forward(x, 1, policyTape);
            Span<int> action = buffer.Actions.AsSpan(t * a, a);
            ReadOnlySpan<float> logits = policyTape.Output(1);
            CategoricalChoice.Choose(logits, Spaces.Action, action, sampler);
            buffer.LogProbabilities[t] = (float)LogProbability(logits, action, Spaces.Action);
            Value.Forward(x, 1, valueTape);
            buffer.Values[t] = valueTape.Output(1)[0];
            outcome = env.Step(action, buffer.RawObservations.AsSpan((t + 1) * d, d));
            buffer.Rewards[t] = outcome.Reward;
            total += outcome.Reward;
            if (env is IStepInfoSource { LastInfo: StepInfo info })
            {
                violation += info.ViolationIntegralPuS;
                throughput += info.MeasuredThroughputTokensPerS;
            }
            if (outcome.Done)
            {
                t++;
                break;
            }
        }
        if (!outcome.Done)
            throw new InvalidOperationException($"an episode ran past the {buffer.MaxSteps} steps its environment declared");
        buffer.Length = t;
        buffer.Terminated = outcome.Terminated;
        Span<float> last = stackalloc float[d];
        Normalise(buffer.RawObservations.AsSpan(t * d, d), mean, std, clip, last);
        Value.Forward(last, 1, valueTape);
        buffer.FinalValue = valueTape.Output(1)[0];
        buffer.EpisodeReturn = total;
        bool grid = env is IStepInfoSource;
        buffer.ViolationIntegralPuS = grid ? violation : double.NaN;
        buffer.MeanThroughputTokensPerS = grid ? throughput / t : double.NaN;
    }

    internal static void Normalise(ReadOnlySpan<float> raw, float[] mean, float[] std, float clip, Span<float> normalised)
    {
        for (int i = 0; i < normalised.Length; i++)
            normalised[i] = Math.Clamp((raw[i] - mean[i]) / std[i], -clip, clip);
    }

    /// <summary>Sum over action dimensions of log softmax(block)[choice].</summary>
    internal static double LogProbability(ReadOnlySpan<float> logits, ReadOnlySpan<int> action, MultiDiscreteSpace space)
    {
        double sum = 0;
        int offset = 0;
        for (int dim = 0; dim < space.Size; dim++)
        {
            ReadOnlySpan<float> block = logits.Slice(offset, space.Sizes[dim]);
            float max = block[CategoricalChoice.ArgMax(block)];
            double z = 0;
            for (int k = 0; k < block.Length; k++)
                z += Math.Exp(block[k] - max);
            sum += block[action[dim]] - max - Math.Log(z);
            offset += block.Length;
        }
        return sum;
    }

    /// <summary>Fold the iteration's raw observations and rewards into the running statistics and scale the rewards.</summary>
    private void UpdateStatistics()
    {
        int d = Spaces.Observation.Size;
        foreach (EpisodeBuffer e in _episodes)
            ObservationStatistics.Update(e.RawObservations.AsSpan(0, e.Length * d), e.Length);
        double scale = 1.0;
        if (_options.NormaliseRewards)
        {
            // Running variance of the discounted return, as VecNormalize keeps it; rewards are divided by its square root.
            double sum = 0, sumSq = 0;
            int n = 0;
            foreach (EpisodeBuffer e in _episodes)
            {
                double ret = 0;
                for (int t = 0; t < e.Length; t++)
                {
                    ret = ret * _options.Gamma + e.Rewards[t];
                    sum += ret;
                    sumSq += ret * ret;
                    n++;
                }
            }
            double batchMean = sum / n;
            ReturnStatistics.UpdateScalar(batchMean, Math.Max(sumSq / n - batchMean * batchMean, 0.0), n);
            scale = 1.0 / Math.Sqrt(ReturnStatistics.Variance[0] + 1e-8);
        }
        float clip = (float)_options.NormalisedClip;
        foreach (EpisodeBuffer e in _episodes)
        {
            for (int t = 0; t < e.Length; t++)
                e.ScaledRewards[t] = Math.Clamp((float)(e.Rewards[t] * scale), -clip, clip);
            e.ComputeAdvantages(_options.Gamma, _options.GaeLambda);
        }
    }
}
