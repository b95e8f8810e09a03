namespace OpenG2G.Numerics.Networks;

/// <summary>
/// Working memory of one <see cref="Mlp"/> for batches of up to <see cref="Capacity"/> samples: each
/// layer's activations (kept by <see cref="Mlp.Forward"/> for <see cref="Mlp.Backward"/>) and deltas.
/// Allocated once; one tape per thread.
/// </summary>
public sealed class MlpTape
{
    private readonly int[] _sizes;
    private readonly float[][] _activations;
    private readonly float[][] _deltas;

    public MlpTape(Mlp network, int capacity)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _sizes = network.Sizes.ToArray();
        Capacity = capacity;
        _activations = _sizes.Select(s => new float[s * capacity]).ToArray();
        _deltas = _sizes.Select(s => new float[s * capacity]).ToArray();
    }

    /// <summary>Largest batch the tape holds.</summary>
    public int Capacity { get; }

    /// <summary>Activations of layer <paramref name="layer"/> (0 = the inputs), [batch, size] row-major.</summary>
    public Span<float> Activation(int layer, int batch) => _activations[layer].AsSpan(0, batch * _sizes[layer]);

    /// <summary>Outputs of the last forward pass, [batch, output].</summary>
    public ReadOnlySpan<float> Output(int batch) => Activation(_sizes.Length - 1, batch);

    internal Span<float> Delta(int layer, int batch) => _deltas[layer].AsSpan(0, batch * _sizes[layer]);

    internal void Check(Mlp network, int batch)
    {
        if (batch < 1 || batch > Capacity)
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"this tape holds batches of 1..{Capacity}");
        if (!network.Sizes.AsSpan().SequenceEqual(_sizes))
            throw new ArgumentException($"the tape was made for an MLP of sizes [{string.Join(", ", _sizes)}], not [{string.Join(", ", network.Sizes)}]");
    }
}
