using OpenG2G.Grid.Solver;
using OpenG2G.Grid.Tests.Support;
using OpenG2G.Testing;

namespace OpenG2G.Grid.Tests.Solver;

/// <summary>The sparse LU and an independent dense LU give the same power flow.</summary>
public sealed class DenseAgreementTests
{
    [SharedDataTheory]
    [InlineData("ieee13_static")]
    [InlineData("ieee34_static")]
    public void Sparse_and_dense_solvers_agree(string caseName)
    {
        var sparse = ReferenceCase.Load(caseName, "ref").Solve();
        LinearSystems.Override = (n, e, name) => new DenseLinearSystem(n, e, name);
        try
        {
            var dense = ReferenceCase.Load(caseName, "ref").Solve();
            for (int i = 0; i < sparse.VoltagePu.Length; i++)
                Assert.Equal(dense.VoltagePu[i], sparse.VoltagePu[i], 1e-8);
            Assert.Equal(dense.Taps.Select(t => (t.Regulator, t.TapStep)), sparse.Taps.Select(t => (t.Regulator, t.TapStep)));
        }
        finally
        {
            LinearSystems.Override = null;
        }
    }
}
