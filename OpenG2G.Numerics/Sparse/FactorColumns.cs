using System.Numerics;

namespace OpenG2G.Numerics.Sparse;

/// <summary>
/// Column-by-column storage of one triangular factor (L without its unit diagonal, or U without its
/// pivots): column <c>k</c> is <c>Indices/Values[Starts[k]..Starts[k + 1]]</c>. Filled in column
/// order by the factorisation; grows (allocating) only when the fill exceeds the capacity sized
/// from the symbolic estimate.
/// </summary>
internal sealed class FactorColumns
{
    public FactorColumns(int size, long capacity)
    {
        Starts = new int[size + 1];
        int initial = (int)Math.Min(Math.Max(capacity, 1), Array.MaxLength);
        Indices = new int[initial];
        Values = new Complex[initial];
    }

    public int[] Starts { get; }

    public int[] Indices { get; private set; }

    public Complex[] Values { get; private set; }

    public int NonZeros(int columns) => Starts[columns];

    /// <summary>Makes room for <paramref name="required"/> entries in total.</summary>
    public void EnsureCapacity(int required)
    {
        if (required <= Indices.Length)
            return;
        int grown = (int)Math.Min(Math.Max((long)required, Indices.Length + (long)Indices.Length / 2), Array.MaxLength);
        var indices = new int[grown];
        var values = new Complex[grown];
        Array.Copy(Indices, indices, Indices.Length);
        Array.Copy(Values, values, Values.Length);
        Indices = indices;
        Values = values;
    }
}
