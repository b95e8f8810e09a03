using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>The real CSC matrix: construction, products and transposition against dense arithmetic.</summary>
public class SparseMatrixTests
{
    [Fact]
    public void Triplets_at_the_same_position_are_summed_and_rows_sorted()
    {
        var m = SparseMatrix.FromTriplets(3, 2, [2, 0, 2, 1], [0, 0, 0, 1], [1.0, 5.0, 2.5, -1.0]);

        Assert.Equal(3, m.NonZeros);
        Assert.Equal([0, 2, 3], m.ColumnStarts.ToArray());
        Assert.Equal([0, 2, 1], m.RowIndices.ToArray());
        Assert.Equal(3.5, m[2, 0]);
        Assert.Equal(0.0, m[1, 0]);
    }

    [Fact]
    public void Products_and_transpose_match_dense_arithmetic()
    {
        var random = new SimRandom(5);
        var dense = new double[7, 4];
        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 4; j++)
                dense[i, j] = random.NextDouble() < 0.4 ? random.NextGaussian() : 0;
        }
        var m = SparseMatrix.FromDense(dense);
        var x = new[] { 1.0, -2.0, 0.5, 3.0 };
        var y = new[] { 1.0, 0, -1, 2, 0.25, -0.5, 4 };
        var ax = new double[7];
        var aty = new double[4];
        m.Multiply(x, ax);
        m.MultiplyTransposed(y, aty);

        Assert.Equal(DenseReal.Multiply(dense, x), ax);
        Assert.Equal(DenseReal.MultiplyTransposed(dense, y), aty);
        var t = m.Transpose(out int[] map);
        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 4; j++)
                Assert.Equal(dense[i, j], t[j, i]);
        }
        for (int p = 0; p < m.NonZeros; p++)
            Assert.Equal(m.Values[p], t.Values[map[p]]);
    }

    [Fact]
    public void The_symmetric_product_counts_each_off_diagonal_entry_for_both_sides()
    {
        var full = new double[,] { { 2, -1, 0 }, { -1, 3, 4 }, { 0, 4, 1 } };
        var upper = SparseMatrix.FromDense(full).UpperTriangle();
        var x = new[] { 1.0, 2.0, -1.0 };
        var y = new double[3];
        upper.MultiplySymmetricUpper(x, y);

        Assert.Equal(DenseReal.Multiply(full, x), y);
        Assert.True(upper.IsUpperTriangular());
        Assert.False(SparseMatrix.FromDense(full).IsUpperTriangular());
    }

    [Fact]
    public void Invalid_arrays_are_refused_with_what_is_wrong()
    {
        var e = Assert.Throws<ArgumentException>(() => new SparseMatrix(2, 1, [0, 2], [1, 0], [1.0, 2.0]));
        Assert.Contains("ascend strictly", e.Message);
        e = Assert.Throws<ArgumentException>(() => SparseMatrix.FromTriplets(2, 2, [0], [2], [1.0]));
        Assert.Contains("outside the 2 x 2 matrix", e.Message);
        e = Assert.Throws<ArgumentException>(() => SparseMatrix.FromTriplets(2, 2, [0], [1], [double.NaN]));
        Assert.Contains("finite", e.Message);
    }
}
