using OpenG2G.Controllers.Rl;
using OpenG2G.Learning.Training;

namespace OpenG2G.Learning.Tests.Training;

public class PpoLossGradientTests
{
    private static readonly MultiDiscreteSpace Space = new(["a", "b", "c"], [3, 2, 4]);

    /// <summary>g x log p(action) - w x H in double, computed from the definitions (softmax per block).</summary>
    private static double Objective(double[] z, int[] action, double g, double w)
    {
        double logp = 0, entropy = 0;
        int offset = 0;
        for (int d = 0; d < Space.Size; d++)
        {
            int k = Space.Sizes[d];
            double norm = 0;
            for (int c = 0; c < k; c++)
                norm += Math.Exp(z[offset + c]);
            for (int c = 0; c < k; c++)
            {
                double p = Math.Exp(z[offset + c]) / norm;
                entropy -= p * Math.Log(p);
            }
            logp += z[offset + action[d]] - Math.Log(norm);
            offset += k;
        }
        return g * logp - w * entropy;
    }

    [Fact]
    public void The_logit_gradient_of_the_surrogate_and_entropy_terms_matches_finite_differences()
    {
        var random = new Random(9);
        for (int trial = 0; trial < 20; trial++)
        {
            double[] z = Enumerable.Range(0, Space.LogitCount).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            int[] action = Space.Sizes.Select(k => random.Next(k)).ToArray();
            double g = random.NextDouble() * 2 - 1, w = random.NextDouble() * 0.1;
            var gradient = new float[Space.LogitCount];
            double entropy = PpoLoss.Blocks(z.Select(x => (float)x).ToArray(), action, Space, g, w, gradient);

            for (int i = 0; i < z.Length; i++)
            {
                double keep = z[i];
                z[i] = keep + 1e-5;
                double up = Objective(z, action, g, w);
                z[i] = keep - 1e-5;
                double down = Objective(z, action, g, w);
                z[i] = keep;
                Assert.Equal((up - down) / 2e-5, gradient[i], 4);
            }
            Assert.Equal(-(Objective(z, action, 0, 1)), entropy, 5);
        }
    }

    [Fact]
    public void Log_probability_is_the_sum_of_the_blocks_log_softmax()
    {
        float[] z = [0.1f, 1.2f, -0.3f, 2f, 2f, 0f, 0f, 0f, 1f];
        int[] action = [1, 0, 3];
        double expected = 1.2 - Math.Log(Math.Exp(0.1) + Math.Exp(1.2) + Math.Exp(-0.3)) + (2 - Math.Log(2 * Math.Exp(2))) + (1 - Math.Log(3 + Math.E));
        Assert.Equal(expected, PpoTrainer.LogProbability(z, action, Space), 6);
    }
}
