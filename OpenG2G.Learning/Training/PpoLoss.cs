using OpenG2G.Controllers.Rl;

namespace OpenG2G.Learning.Training;

/// <summary>
/// The PPO loss of one chunk of a minibatch and its gradients, written into the chunk's workspace:
/// L = mean[-min(r A, clip(r, 1 - e, 1 + e) A)] - c_ent mean[H] + c_v mean[(V - R)^2], with r the ratio of
/// the new to the old probability of the taken action (product over action dimensions), A the
/// minibatch-normalised advantage, H the summed entropy of the dimensions and R the GAE return. Means are
/// over the whole minibatch (<c>minibatch</c> samples), so chunk gradients add up to the minibatch's.
/// </summary>
internal static class PpoLoss
{
    public static void Chunk(PpoTrainer trainer, Samples s, ReadOnlySpan<int> indices, ChunkWorkspace w,
        float advantageMean, float advantageStd, int minibatch)
    {
        PpoOptions o = trainer.Options;
        MultiDiscreteSpace space = trainer.Spaces.Action;
        int d = trainer.Spaces.Observation.Size, a = space.Size, logits = space.LogitCount, n = indices.Length;
        w.Clear();
        for (int j = 0; j < n; j++)
        {
            int i = indices[j];
            s.Observations.AsSpan(i * d, d).CopyTo(w.Observations.AsSpan(j * d, d));
            s.Actions.AsSpan(i * a, a).CopyTo(w.Actions.AsSpan(j * a, a));
        }
        trainer.Policy.Forward(w.Observations, n, w.PolicyTape);
        trainer.Value.Forward(w.Observations, n, w.ValueTape);
        ReadOnlySpan<float> z = w.PolicyTape.Output(n);
        ReadOnlySpan<float> v = w.ValueTape.Output(n);
        double perSample = 1.0 / minibatch, clip = o.ClipRange;
        for (int j = 0; j < n; j++)
        {
            int i = indices[j];
            ReadOnlySpan<float> row = z.Slice(j * logits, logits);
            ReadOnlySpan<int> action = w.Actions.AsSpan(j * a, a);
            double logp = PpoTrainer.LogProbability(row, action, space);
            double ratio = Math.Exp(logp - s.LogProbabilities[i]);
            double adv = (s.Advantages[i] - advantageMean) / advantageStd;
            bool flat = (adv > 0 && ratio > 1 + clip) || (adv < 0 && ratio < 1 - clip);
            double gLogp = flat ? 0.0 : -adv * ratio * perSample;
            w.Entropy += Blocks(row, action, space, gLogp, o.EntropyCoefficient * perSample, w.LogitGradient.AsSpan(j * logits, logits));
            w.ApproxKl += ratio - 1 - (logp - s.LogProbabilities[i]);
            if (Math.Abs(ratio - 1) > clip)
                w.Clipped++;
            double error = v[j] - s.Returns[i];
            w.ValueLoss += error * error;
            w.ValueGradient[j] = (float)(2 * o.ValueCoefficient * error * perSample);
        }
        trainer.Policy.Backward(w.PolicyTape, w.LogitGradient.AsSpan(0, n * logits), n, w.PolicyGradient);
        trainer.Value.Backward(w.ValueTape, w.ValueGradient.AsSpan(0, n), n, w.ValueParameterGradient);
    }

    /// <summary>
    /// Gradient of gLogp x log p(action) - entropyWeight x H with respect to one sample's logits, per
    /// block: d log p_a / dz_k = [k = a] - p_k and dH / dz_k = -p_k (log p_k + H_block). Returns H.
    /// </summary>
    internal static double Blocks(ReadOnlySpan<float> row, ReadOnlySpan<int> action, MultiDiscreteSpace space, double gLogp, double entropyWeight, Span<float> gradient)
    {
        double entropy = 0;
        int offset = 0;
        Span<double> logP = stackalloc double[32];
        for (int dim = 0; dim < space.Size; dim++)
        {
            int k = space.Sizes[dim];
            if (k > logP.Length)
                logP = new double[k];
            ReadOnlySpan<float> block = row.Slice(offset, k);
            float max = block[CategoricalChoice.ArgMax(block)];
            double sum = 0;
            for (int c = 0; c < k; c++)
                sum += Math.Exp(block[c] - max);
            double log = Math.Log(sum), h = 0;
            for (int c = 0; c < k; c++)
            {
                logP[c] = block[c] - max - log;
                h -= Math.Exp(logP[c]) * logP[c];
            }
            for (int c = 0; c < k; c++)
            {
                double p = Math.Exp(logP[c]);
                double dLogp = (c == action[dim] ? 1.0 : 0.0) - p;
                double dH = -p * (logP[c] + h);
                gradient[offset + c] = (float)(gLogp * dLogp - entropyWeight * dH);
            }
            entropy += h;
            offset += k;
        }
        return entropy;
    }
}
