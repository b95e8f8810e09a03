using System.Numerics;
using OpenG2G.Core.Randomness;

namespace OpenG2G.Numerics.Tests.Sparse;

/// <summary>Seeded random sparse complex matrices of the kinds the solver must handle.</summary>
internal static class RandomMatrices
{
    public static Complex NextComplex(SimRandom random) => new(random.NextGaussian(), random.NextGaussian());

    public static Complex[] Vector(SimRandom random, int size)
    {
        var v = new Complex[size];
        for (int i = 0; i < size; i++)
            v[i] = NextComplex(random);
        return v;
    }

    /// <summary>
    /// About <paramref name="perColumn"/> random off-diagonal entries per column; with a symmetric
    /// pattern each (i, j) also gets (j, i), with an independent value unless <paramref name="symmetricValues"/>.
    /// </summary>
    public static TestMatrix OffDiagonal(SimRandom random, int size, int perColumn, bool symmetricPattern, bool symmetricValues = false)
    {
        var m = new TestMatrix(size);
        for (int column = 0; column < size; column++)
        {
            for (int e = 0; e < perColumn; e++)
            {
                int row = random.NextInt(size);
                if (row == column)
                    continue;
                var value = NextComplex(random);
                m.Set(row, column, value);
                if (symmetricPattern)
                    m.Set(column, row, symmetricValues ? value : NextComplex(random));
            }
        }
        return m;
    }

    /// <summary>Strictly diagonally dominant by rows and columns (diagonal = 1 + both off-diagonal sums, random phase).</summary>
    public static TestMatrix DiagonallyDominant(SimRandom random, int size, int perColumn, bool symmetricPattern)
    {
        var m = OffDiagonal(random, size, perColumn, symmetricPattern);
        var weight = new double[size];
        foreach (var ((row, column), value) in m.Entries)
        {
            weight[row] += Complex.Abs(value);
            weight[column] += Complex.Abs(value);
        }
        for (int i = 0; i < size; i++)
            m.Set(i, i, Complex.FromPolarCoordinates(1 + weight[i], random.NextUniform(-Math.PI, Math.PI)));
        return m;
    }

    /// <summary>Random diagonal of the same size as the off-diagonals: no dominance, pivoting may be needed.</summary>
    public static TestMatrix General(SimRandom random, int size, int perColumn, bool symmetricPattern, bool symmetricValues = false)
    {
        var m = OffDiagonal(random, size, perColumn, symmetricPattern, symmetricValues);
        for (int i = 0; i < size; i++)
            m.Set(i, i, NextComplex(random));
        return m;
    }

    /// <summary>
    /// The rows of a diagonally dominant matrix shuffled: nonsingular, but most diagonal entries
    /// are zero, so it cannot be factored without off-diagonal pivots.
    /// </summary>
    public static TestMatrix ShuffledRows(SimRandom random, int size, int perColumn)
    {
        var source = DiagonallyDominant(random, size, perColumn, symmetricPattern: false);
        var rows = Enumerable.Range(0, size).ToArray();
        random.Shuffle(rows);
        var m = new TestMatrix(size);
        foreach (var ((row, column), value) in source.Entries)
            m.Set(rows[row], column, value);
        return m;
    }
}
