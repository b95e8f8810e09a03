using System.Collections.Immutable;

namespace OpenG2G.Numerics.Networks;

/// <summary>
/// A multilayer perceptron in float32: dense layers with tanh between them and a linear output layer.
/// The parameters are one flat array, layer after layer, each layer's weights row-major
/// (<c>W[out, in]</c>, one row per output) followed by its biases, so an optimiser sees one vector and a
/// file stores one blob. <see cref="Forward"/> runs a batch and keeps the activations in an
/// <see cref="MlpTape"/>; <see cref="Backward"/> turns output gradients into parameter gradients. Neither
/// allocates: the tape is sized once for the largest batch.
/// </summary>
public sealed class Mlp
{
    private readonly int[] _weightOffsets;
    private readonly int[] _biasOffsets;

    /// <param name="sizes">Layer widths from input to output, at least two, each &gt; 0 (e.g. [obs, 64, 64, actions]).</param>
    /// <param name="parameters">Parameters to use (copied); default all zero.</param>
    public Mlp(ImmutableArray<int> sizes, ReadOnlySpan<float> parameters = default)
    {
        if (sizes.IsDefault || sizes.Length < 2)
            throw new ArgumentException("an MLP needs at least an input and an output size", nameof(sizes));
        if (sizes.Any(s => s <= 0))
            throw new ArgumentException($"layer sizes must be > 0, got [{string.Join(", ", sizes)}]", nameof(sizes));
        Sizes = sizes;
        _weightOffsets = new int[sizes.Length - 1];
        _biasOffsets = new int[sizes.Length - 1];
        int offset = 0;
        for (int l = 0; l < sizes.Length - 1; l++)
        {
            _weightOffsets[l] = offset;
            offset = checked(offset + sizes[l] * sizes[l + 1]);
            _biasOffsets[l] = offset;
            offset = checked(offset + sizes[l + 1]);
        }
        Parameters = new float[offset];
        if (!parameters.IsEmpty)
        {
            if (parameters.Length != offset)
                throw new ArgumentException($"an MLP of sizes [{string.Join(", ", sizes)}] has {offset} parameters, got {parameters.Length}", nameof(parameters));
            parameters.CopyTo(Parameters);
        }
    }

    /// <summary>Layer widths, input first.</summary>
    public ImmutableArray<int> Sizes { get; }

    public int InputSize => Sizes[0];

    public int OutputSize => Sizes[^1];

    /// <summary>Dense layers (one fewer than <see cref="Sizes"/>).</summary>
    public int Layers => Sizes.Length - 1;

    /// <summary>All weights and biases, layer by layer (weights row-major, then biases).</summary>
    public float[] Parameters { get; }

    /// <summary>Weights of layer <paramref name="layer"/>, row-major [out, in], within <paramref name="parameters"/>.</summary>
    public Span<float> Weights(Span<float> parameters, int layer) =>
        parameters.Slice(_weightOffsets[layer], Sizes[layer] * Sizes[layer + 1]);

    /// <summary>Biases of layer <paramref name="layer"/> within <paramref name="parameters"/>.</summary>
    public Span<float> Biases(Span<float> parameters, int layer) => parameters.Slice(_biasOffsets[layer], Sizes[layer + 1]);

    /// <summary>
    /// Weights scaled Gaussian: layer l's entries have standard deviation gain / sqrt(inputs), biases zero.
    /// Hidden layers use <paramref name="hiddenGain"/> (sqrt 2 is usual), the output layer
    /// <paramref name="outputGain"/> (small for a policy's logits so it starts near uniform).
    /// </summary>
    public void Initialise(Func<double> standardNormal, double hiddenGain, double outputGain)
    {
        Span<float> p = Parameters;
        p.Clear();
        for (int l = 0; l < Layers; l++)
        {
            double gain = l == Layers - 1 ? outputGain : hiddenGain;
            double std = gain / Math.Sqrt(Sizes[l]);
            Span<float> w = Weights(p, l);
            for (int i = 0; i < w.Length; i++)
                w[i] = (float)(std * standardNormal());
        }
    }

    /// <summary>
    /// Outputs of <paramref name="batch"/> inputs (row-major [batch, input]) into
    /// <paramref name="tape"/>'s output rows; the tape keeps every layer's activations for <see cref="Backward"/>.
    /// </summary>
    public void Forward(ReadOnlySpan<float> inputs, int batch, MlpTape tape)
    {
        tape.Check(this, batch);
        inputs[..(batch * InputSize)].CopyTo(tape.Activation(0, batch));
        Span<float> p = Parameters;
        for (int l = 0; l < Layers; l++)
        {
            int nIn = Sizes[l], nOut = Sizes[l + 1];
            ReadOnlySpan<float> w = Weights(p, l), b = Biases(p, l);
            ReadOnlySpan<float> x = tape.Activation(l, batch);
            Span<float> y = tape.Activation(l + 1, batch);
            bool hidden = l < Layers - 1;
            for (int s = 0; s < batch; s++)
            {
                ReadOnlySpan<float> xs = x.Slice(s * nIn, nIn);
                Span<float> ys = y.Slice(s * nOut, nOut);
                for (int o = 0; o < nOut; o++)
                {
                    float z = b[o] + VectorMath.Dot(w.Slice(o * nIn, nIn), xs);
                    ys[o] = hidden ? MathF.Tanh(z) : z;
                }
            }
        }
    }

    /// <summary>
    /// Add to <paramref name="gradient"/> (same layout as <see cref="Parameters"/>) the gradient of a loss
    /// whose derivative with respect to the outputs of the last <see cref="Forward"/> is
    /// <paramref name="outputGradient"/> ([batch, output]).
    /// </summary>
    public void Backward(MlpTape tape, ReadOnlySpan<float> outputGradient, int batch, Span<float> gradient)
    {
        tape.Check(this, batch);
        if (gradient.Length != Parameters.Length)
            throw new ArgumentException($"the gradient needs {Parameters.Length} entries, got {gradient.Length}", nameof(gradient));
        Span<float> p = Parameters;
        Span<float> delta = tape.Delta(Layers, batch);
        outputGradient[..(batch * OutputSize)].CopyTo(delta);
        for (int l = Layers - 1; l >= 0; l--)
        {
            int nIn = Sizes[l], nOut = Sizes[l + 1];
            ReadOnlySpan<float> w = Weights(p, l);
            Span<float> gw = Weights(gradient, l), gb = Biases(gradient, l);
            ReadOnlySpan<float> x = tape.Activation(l, batch);
            Span<float> d = tape.Delta(l + 1, batch);
            Span<float> dPrev = l > 0 ? tape.Delta(l, batch) : Span<float>.Empty;
            if (l > 0)
                dPrev.Clear();
            for (int s = 0; s < batch; s++)
            {
                ReadOnlySpan<float> xs = x.Slice(s * nIn, nIn);
                Span<float> ds = d.Slice(s * nOut, nOut);
                for (int o = 0; o < nOut; o++)
                {
                    float g = ds[o];
                    if (g == 0f)
                        continue;
                    gb[o] += g;
                    VectorMath.Axpy(g, xs, gw.Slice(o * nIn, nIn));
                    if (l > 0)
                        VectorMath.Axpy(g, w.Slice(o * nIn, nIn), dPrev.Slice(s * nIn, nIn));
                }
            }
            if (l > 0)
            {
                // Through tanh: d/dz tanh(z) = 1 - tanh(z)^2, and x holds tanh(z) of the layer below.
                for (int i = 0; i < batch * nIn; i++)
                    dPrev[i] *= 1f - x[i] * x[i];
            }
        }
    }
}
