using System.Collections.Immutable;

namespace OpenG2G.Controllers.Batching;

/// <summary>
/// The batch sizes one model accepts, with the log2 range controllers move in and rounding of a
/// continuous log2(batch) to a feasible size.
/// </summary>
internal sealed class FeasibleBatches
{
    private readonly int[] _sizes;

    /// <summary>Throws <see cref="ArgumentException"/> when the sizes are empty, not positive or not strictly ascending.</summary>
    public FeasibleBatches(string model, ImmutableArray<int> sizes)
    {
        if (sizes.IsDefaultOrEmpty)
            throw new ArgumentException($"model '{model}' offers no feasible batch sizes");
        for (int i = 0; i < sizes.Length; i++)
        {
            if (sizes[i] <= 0 || (i > 0 && sizes[i] <= sizes[i - 1]))
                throw new ArgumentException($"model '{model}': feasible batch sizes must be positive and strictly ascending, got [{string.Join(", ", sizes)}]");
        }
        _sizes = sizes.ToArray();
        Log2Min = Math.Log2(_sizes[0]);
        Log2Max = Math.Log2(_sizes[^1]);
    }

    public int Smallest => _sizes[0];

    public int Largest => _sizes[^1];

    public double Log2Min { get; }

    public double Log2Max { get; }

    /// <summary><paramref name="log2Batch"/> clipped to [log2 smallest, log2 largest].</summary>
    public double Clip(double log2Batch) => Math.Clamp(log2Batch, Log2Min, Log2Max);

    /// <summary>
    /// The feasible size nearest to 2^<paramref name="log2Batch"/> in linear distance between its two
    /// feasible neighbours; an exact tie goes to the smaller size (less power, the safe side for voltage).
    /// </summary>
    public int Nearest(double log2Batch)
    {
        double b = Math.Pow(2.0, log2Batch);
        if (b <= _sizes[0])
            return _sizes[0];
        if (b >= _sizes[^1])
            return _sizes[^1];
        int hi = 1;
        while (_sizes[hi] < b)
            hi++;
        int lo = hi - 1;
        return b - _sizes[lo] <= _sizes[hi] - b ? _sizes[lo] : _sizes[hi];
    }

    public override string ToString() => "[" + string.Join(", ", _sizes) + "]";
}
