using OpenG2G.Core.Randomness;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// Turns a multi-discrete policy's logits (one block per action dimension, concatenated) into choices:
/// the arg-max of each block, or a draw from its softmax. Training and the controller use this one rule.
/// </summary>
public static class CategoricalChoice
{
    /// <summary>Fill <paramref name="action"/>; <paramref name="sampler"/> null means greedy (ties to the lower index).</summary>
    public static void Choose(ReadOnlySpan<float> logits, MultiDiscreteSpace space, Span<int> action, SimRandom? sampler)
    {
        int offset = 0;
        for (int d = 0; d < space.Size; d++)
        {
            int n = space.Sizes[d];
            ReadOnlySpan<float> block = logits.Slice(offset, n);
            action[d] = sampler is null ? ArgMax(block) : Draw(block, sampler.NextDouble());
            offset += n;
        }
    }

    /// <summary>Index of the largest logit (the first of equal ones).</summary>
    public static int ArgMax(ReadOnlySpan<float> block)
    {
        int best = 0;
        for (int i = 1; i < block.Length; i++)
        {
            if (block[i] > block[best])
                best = i;
        }
        return best;
    }

    /// <summary>The index whose cumulative softmax probability first exceeds <paramref name="u"/> in [0, 1).</summary>
    public static int Draw(ReadOnlySpan<float> block, double u)
    {
        float max = block[ArgMax(block)];
        double total = 0;
        for (int i = 0; i < block.Length; i++)
            total += Math.Exp(block[i] - max);
        double target = u * total, cumulative = 0;
        for (int i = 0; i < block.Length; i++)
        {
            cumulative += Math.Exp(block[i] - max);
            if (target < cumulative)
                return i;
        }
        return block.Length - 1;
    }
}
