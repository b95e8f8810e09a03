using System.Collections.Immutable;
using OpenG2G.Numerics.Networks;

namespace OpenG2G.Numerics.Tests.Networks;

public class MlpGradientTests
{
    private static Mlp Network(int seed, params int[] sizes)
    {
        var net = new Mlp(sizes.ToImmutableArray());
        var random = new Random(seed);
        net.Initialise(() => random.NextDouble() * 2 - 1, 1.5, 1.0);
        for (int l = 0; l < net.Layers; l++)
        {
            Span<float> b = net.Biases(net.Parameters, l);
            for (int i = 0; i < b.Length; i++)
                b[i] = (float)(random.NextDouble() - 0.5);
        }
        return net;
    }

    /// <summary>Loss = sum over outputs of c_k y_k, in double from a float forward pass.</summary>
    private static double Loss(Mlp net, float[] inputs, int batch, float[] weights, MlpTape tape)
    {
        net.Forward(inputs, batch, tape);
        ReadOnlySpan<float> y = tape.Output(batch);
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
            sum += (double)weights[i] * y[i];
        return sum;
    }

    [Theory]
    [InlineData(new[] { 5, 3 })]
    [InlineData(new[] { 11, 9, 4 })]
    [InlineData(new[] { 20, 17, 13, 6 })]
    public void Backward_matches_central_finite_differences_for_every_parameter(int[] sizes)
    {
        const int batch = 3;
        Mlp net = Network(7, sizes);
        var random = new Random(1);
        float[] inputs = Enumerable.Range(0, batch * sizes[0]).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] weights = Enumerable.Range(0, batch * sizes[^1]).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var tape = new MlpTape(net, batch);
        var gradient = new float[net.Parameters.Length];
        Loss(net, inputs, batch, weights, tape);
        net.Backward(tape, weights, batch, gradient);

        const float h = 1e-2f;
        double worst = 0;
        for (int p = 0; p < net.Parameters.Length; p++)
        {
            float keep = net.Parameters[p];
            net.Parameters[p] = keep + h;
            double up = Loss(net, inputs, batch, weights, tape);
            net.Parameters[p] = keep - h;
            double down = Loss(net, inputs, batch, weights, tape);
            net.Parameters[p] = keep;
            double numeric = (up - down) / (2 * h);
            worst = Math.Max(worst, Math.Abs(numeric - gradient[p]) / Math.Max(1.0, Math.Abs(numeric)));
        }
        // Float32 forward passes with h = 1e-2: truncation error ~h^2, rounding ~1e-7 / h.
        Assert.True(worst < 2e-3, $"largest relative gradient error {worst:E2}");
    }

    [Fact]
    public void Backward_adds_to_the_gradient_and_a_batch_is_the_sum_of_its_samples()
    {
        Mlp net = Network(3, 6, 5, 2);
        var random = new Random(2);
        float[] inputs = Enumerable.Range(0, 2 * 6).Select(_ => (float)random.NextDouble()).ToArray();
        float[] dy = [0.3f, -1.1f, 0.7f, 0.2f];
        var tape = new MlpTape(net, 2);
        var both = new float[net.Parameters.Length];
        net.Forward(inputs, 2, tape);
        net.Backward(tape, dy, 2, both);

        var separate = new float[net.Parameters.Length];
        for (int s = 0; s < 2; s++)
        {
            net.Forward(inputs.AsSpan(s * 6, 6), 1, tape);
            net.Backward(tape, dy.AsSpan(s * 2, 2), 1, separate);
        }
        for (int p = 0; p < both.Length; p++)
            Assert.Equal(both[p], separate[p], 5);
    }

    [Fact]
    public void Forward_computes_tanh_layers_and_a_linear_output_by_hand()
    {
        // 2 -> 2 (tanh) -> 1: W1 = [[1, 2], [-1, 0.5]], b1 = [0.1, -0.2], W2 = [[3, -1]], b2 = [0.5].
        var net = new Mlp([2, 2, 1], [1f, 2f, -1f, 0.5f, 0.1f, -0.2f, 3f, -1f, 0.5f]);
        var tape = new MlpTape(net, 1);
        net.Forward([0.3f, -0.4f], 1, tape);
        double h1 = Math.Tanh(0.3 - 0.8 + 0.1), h2 = Math.Tanh(-0.3 - 0.2 - 0.2);
        Assert.Equal(3 * h1 - h2 + 0.5, tape.Output(1)[0], 6);
    }

    [Fact]
    public void Dot_and_axpy_agree_with_plain_loops_for_every_length_up_to_40()
    {
        var random = new Random(5);
        for (int n = 0; n <= 40; n++)
        {
            float[] a = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble()).ToArray();
            float[] b = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble()).ToArray();
            double dot = 0;
            for (int i = 0; i < n; i++)
                dot += (double)a[i] * b[i];
            Assert.Equal(dot, VectorMath.Dot(a, b), 4);
            float[] y = (float[])b.Clone();
            VectorMath.Axpy(0.5f, a, y);
            for (int i = 0; i < n; i++)
                Assert.Equal(b[i] + 0.5f * a[i], y[i], 5);
        }
    }
}
