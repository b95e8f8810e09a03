using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

public class SparsePatternTests
{
    [Fact]
    public void Entries_are_compressed_by_column_with_sorted_rows_merged_duplicates_and_every_diagonal()
    {
        var pattern = SparsePattern.FromEntries(3, [(2, 0), (0, 1), (2, 0), (1, 0), (0, 2), (0, 1)]);

        Assert.Equal(3, pattern.Size);
        Assert.Equal(new[] { 0, 3, 5, 7 }, pattern.ColumnStarts.ToArray());
        Assert.Equal(new[] { 0, 1, 2, 0, 1, 0, 2 }, pattern.RowIndices.ToArray());
        Assert.Equal(7, pattern.NonZeros);
    }

    [Fact]
    public void IndexOf_finds_each_entry_and_reports_absent_ones()
    {
        var pattern = SparsePattern.FromEntries(3, [(2, 0), (0, 1), (0, 2)]);

        Assert.Equal(0, pattern.IndexOf(0, 0));
        Assert.Equal(1, pattern.IndexOf(2, 0));
        Assert.Equal(2, pattern.IndexOf(0, 1));
        Assert.Equal(3, pattern.IndexOf(1, 1));
        Assert.Equal(4, pattern.IndexOf(0, 2));
        Assert.Equal(5, pattern.IndexOf(2, 2));
        Assert.Equal(-1, pattern.IndexOf(1, 0));
        Assert.Equal(-1, pattern.IndexOf(2, 1));
    }

    [Fact]
    public void A_diagonal_only_pattern_has_one_entry_per_column()
    {
        var pattern = SparsePattern.FromEntries(4, []);

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, pattern.ColumnStarts.ToArray());
        Assert.Equal(new[] { 0, 1, 2, 3 }, pattern.RowIndices.ToArray());
    }

    [Fact]
    public void An_entry_outside_the_matrix_is_rejected_by_position()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SparsePattern.FromEntries(3, [(0, 1), (3, 1)]));

        Assert.Equal("entry (3, 1) lies outside the 3 x 3 matrix (Parameter 'entries')", error.Message);
    }

    [Fact]
    public void A_negative_index_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SparsePattern.FromEntries(3, [(0, -1)]));

        Assert.Equal("entry (0, -1) lies outside the 3 x 3 matrix (Parameter 'entries')", error.Message);
    }

    [Fact]
    public void An_empty_matrix_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SparsePattern.FromEntries(0, []));

        Assert.Equal("a sparse pattern needs at least one row and column (Parameter 'size')\nActual value was 0.", error.Message);
    }

    [Fact]
    public void IndexOf_outside_the_matrix_is_rejected()
    {
        var pattern = SparsePattern.FromEntries(2, []);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => pattern.IndexOf(0, 2));

        Assert.Equal("entry (0, 2) lies outside the 2 x 2 matrix (Parameter 'column')", error.Message);
    }
}
