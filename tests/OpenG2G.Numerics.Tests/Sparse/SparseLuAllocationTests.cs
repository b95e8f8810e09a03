using System.Numerics;
using OpenG2G.Core.Randomness;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

public class SparseLuAllocationTests
{
    [Fact]
    public void Refactor_and_both_solves_allocate_nothing()
    {
        var random = new SimRandom(3);
        var m = RandomMatrices.ShuffledRows(random, 300, 3);
        var pattern = m.Pattern();
        var values = m.ValuesFor(pattern);
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(values);
        var x = RandomMatrices.Vector(random, 300);
        // First calls JIT-compile the methods; only the steady state is measured.
        lu.Refactor(values);
        lu.Solve(x);
        lu.SolveTransposed(x);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            lu.Refactor(values);
            lu.Solve(x);
            lu.SolveTransposed(x);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(lu.LastRefactorFellBack);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Factor_allocates_nothing_when_fill_stays_within_the_symbolic_estimate()
    {
        // Diagonally dominant with a symmetric pattern: every pivot is diagonal, so the fill is
        // exactly the estimate.
        var random = new SimRandom(5);
        var m = RandomMatrices.DiagonallyDominant(random, 300, 3, symmetricPattern: true);
        var pattern = m.Pattern();
        var values = m.ValuesFor(pattern);
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(values);

        long before = GC.GetAllocatedBytesForCurrentThread();
        lu.Factor(values);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(lu.EstimatedFactorNonZeros, lu.FactorNonZeros);
        Assert.Equal(0, allocated);
    }
}
