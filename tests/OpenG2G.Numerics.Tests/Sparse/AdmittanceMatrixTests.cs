using System.Numerics;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Tests.Sparse;

/// <summary>The solver on nodal admittance matrices of small radial three-phase networks, checked against KCL and hand calculations.</summary>
public class AdmittanceMatrixTests
{
    private const double FeetPerMile = 5280;
    private static readonly Complex A = Complex.FromPolarCoordinates(1, -2 * Math.PI / 3);

    private static Complex[] Balanced(double magnitudeV) => [magnitudeV, magnitudeV * A, magnitudeV * A * A];

    private static Complex[,] Coupled(Complex self, Complex mutual) => new Complex[,]
    {
        { self, mutual, mutual }, { mutual, self, mutual }, { mutual, mutual, self },
    };

    private static void AddConfig601Line(ThreePhaseTestNetwork network, int from, int to, double lengthFt)
    {
        double miles = lengthFt / FeetPerMile;
        network.AddLine(
            from, to,
            ThreePhaseTestNetwork.Scale(ThreePhaseTestNetwork.Config601ImpedanceOhmPerMile(), miles),
            ThreePhaseTestNetwork.Scale(ThreePhaseTestNetwork.Config601ShuntMicroSiemensPerMile(), 1e-6 * miles));
    }

    /// <summary>Wye constant-impedance load drawing the given power per phase at 2.4 kV.</summary>
    private static Complex[,] WyeLoad(Complex a, Complex b, Complex c)
    {
        const double voltageSquared = 2401.8 * 2401.8;
        return new Complex[,]
        {
            { Complex.Conjugate(a) / voltageSquared, 0, 0 },
            { 0, Complex.Conjugate(b) / voltageSquared, 0 },
            { 0, 0, Complex.Conjugate(c) / voltageSquared },
        };
    }

    private static ThreePhaseTestNetwork RadialFeeder()
    {
        var network = new ThreePhaseTestNetwork(10);
        network.AddSource(0, Balanced(2401.8), Coupled(new(0.05, 0.6), new(0.01, 0.15)));
        (int From, int To, double Ft)[] lines =
            [(0, 1, 2000), (1, 2, 500), (2, 3, 1000), (3, 4, 300), (2, 5, 800), (5, 6, 1500), (4, 7, 2500), (7, 8, 600), (8, 9, 900)];
        foreach (var (from, to, ft) in lines)
            AddConfig601Line(network, from, to, ft);
        network.AddShunt(3, WyeLoad(new(160e3, 110e3), new(120e3, 90e3), new(120e3, 90e3)));
        network.AddShunt(6, WyeLoad(new(385e3, 220e3), new(385e3, 220e3), new(385e3, 220e3)));
        network.AddShunt(9, WyeLoad(new(485e3, 190e3), new(68e3, 60e3), new(290e3, 212e3)));
        return network;
    }

    private static (SparseLu Lu, SparsePattern Pattern) Factored(TestMatrix y)
    {
        var pattern = y.Pattern();
        var lu = SparseLu.Analyze(pattern);
        lu.Factor(y.ValuesFor(pattern));
        return (lu, pattern);
    }

    private static double RelativeMismatch(ThreePhaseTestNetwork network, Complex[] v)
    {
        var (mismatch, scale) = network.KirchhoffMismatch(v);
        return mismatch.Max(Complex.Abs) / scale;
    }

    [Fact]
    public void Radial_feeder_voltages_satisfy_kcl_at_every_node()
    {
        var network = RadialFeeder();
        var (lu, _) = Factored(network.Admittance());
        var v = network.Injections();

        lu.Solve(v);

        Assert.True(RelativeMismatch(network, v) < 1e-12, $"KCL mismatch {RelativeMismatch(network, v):e2}");
    }

    [Fact]
    public void Radial_feeder_factors_without_fill()
    {
        // A tree of buses with full 3x3 couplings has a perfect elimination order (leaf buses first).
        var (lu, pattern) = Factored(RadialFeeder().Admittance());

        Assert.Equal(pattern.NonZeros, lu.FactorNonZeros);
    }

    [Fact]
    public void Refactor_after_load_changes_still_satisfies_kcl()
    {
        var network = RadialFeeder();
        var (lu, pattern) = Factored(network.Admittance());
        network.AddShunt(7, WyeLoad(new(300e3, 100e3), new(10e3, 0), new(150e3, -80e3)));
        var y = network.Admittance();
        Assert.Equal(pattern.NonZeros, y.Pattern().NonZeros); // a load changes values, not the pattern

        lu.Refactor(y.ValuesFor(pattern));
        var v = network.Injections();
        lu.Solve(v);

        Assert.False(lu.LastRefactorFellBack);
        Assert.True(RelativeMismatch(network, v) < 1e-12, $"KCL mismatch {RelativeMismatch(network, v):e2}");
    }

    [Fact]
    public void Balanced_chain_matches_the_positive_sequence_hand_calculation()
    {
        // Equal mutual couplings: each section acts per phase as Z1 = Zself - Zmutual, so the end
        // voltage is the divider Vs ZL / (Zsource1 + N Z1 + ZL) on every phase.
        const int sections = 5;
        Complex zSelf = new(0.3, 0.9), zMutual = new(0.1, 0.4);
        Complex sourceSelf = new(0.05, 0.5), sourceMutual = new(0.01, 0.1);
        Complex zLoad = new(20, 8);
        var network = new ThreePhaseTestNetwork(sections + 1);
        var vs = Balanced(2401.8);
        network.AddSource(0, vs, Coupled(sourceSelf, sourceMutual));
        for (int s = 0; s < sections; s++)
            network.AddLine(s, s + 1, Coupled(zSelf, zMutual), new Complex[3, 3]);
        network.AddShunt(sections, ThreePhaseTestNetwork.Diagonal(1 / zLoad));
        var (lu, _) = Factored(network.Admittance());
        var v = network.Injections();

        lu.Solve(v);

        Complex ratio = zLoad / (sourceSelf - sourceMutual + sections * (zSelf - zMutual) + zLoad);
        for (int phase = 0; phase < 3; phase++)
        {
            Complex expected = vs[phase] * ratio;
            Assert.True(Complex.Abs(v[3 * sections + phase] - expected) < 1e-12 * Complex.Abs(expected));
        }
    }

    [Fact]
    public void Phase_shifting_transformer_makes_an_unsymmetric_matrix_that_still_solves()
    {
        var network = new ThreePhaseTestNetwork(4);
        network.AddSource(0, Balanced(7200), Coupled(new(0.1, 1.2), new(0.02, 0.3)));
        AddConfig601Line(network, 0, 1, 3000);
        Complex ratio = Complex.FromPolarCoordinates(1.025 * 7200 / 2401.8, 5 * Math.PI / 180);
        for (int phase = 0; phase < 3; phase++)
            network.AddPhaseShifter(3 + phase, 6 + phase, ratio, 1 / new Complex(0.02, 0.12));
        AddConfig601Line(network, 2, 3, 1200);
        network.AddShunt(3, WyeLoad(new(200e3, 80e3), new(150e3, 60e3), new(90e3, 30e3)));
        var y = network.Admittance();
        Assert.NotEqual(y.Entries[(3, 6)], y.Entries[(6, 3)]);
        var (lu, _) = Factored(y);
        var v = network.Injections();

        lu.Solve(v);

        Assert.True(RelativeMismatch(network, v) < 1e-12, $"KCL mismatch {RelativeMismatch(network, v):e2}");
    }
    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-6)]
    public void Stiff_switches_next_to_long_lines_solve_as_well_as_dense_partial_pivoting(double switchOhm)
    {
        // Switches of switchOhm and switchOhm / 100 between a 3-mile and a 12-mile line: admittances
        // from microsiemens to 1e8 S in one matrix. KCL across a switch cannot beat
        // (rounding of V) x (switch admittance), so the yardstick is dense LU on the same matrix.
        var network = new ThreePhaseTestNetwork(6);
        network.AddSource(0, Balanced(2401.8), ThreePhaseTestNetwork.Diagonal(new(0.05, 0.6)));
        AddConfig601Line(network, 0, 1, 3 * FeetPerMile);
        network.AddLine(1, 2, ThreePhaseTestNetwork.Diagonal(switchOhm), new Complex[3, 3]);
        AddConfig601Line(network, 2, 3, 12 * FeetPerMile);
        network.AddLine(3, 4, ThreePhaseTestNetwork.Diagonal(switchOhm / 100), new Complex[3, 3]);
        AddConfig601Line(network, 4, 5, 50);
        network.AddShunt(2, ThreePhaseTestNetwork.Diagonal(new(0.01, -0.004)));
        network.AddShunt(5, ThreePhaseTestNetwork.Diagonal(new(0.02, -0.01)));
        var y = network.Admittance();
        var (lu, _) = Factored(y);
        var b = network.Injections();
        var v = (Complex[])b.Clone();

        lu.Solve(v);

        var dense = DenseComplexLu.Solve(y.ToDense(), b);
        Assert.True(lu.PivotRatio < 1e-6, $"pivot ratio {lu.PivotRatio:e2}: the case is not stiff");
        Assert.True(y.BackwardError(v, b) < 1e-15, $"backward error {y.BackwardError(v, b):e2}");
        Assert.True(RelativeMismatch(network, v) <= 10 * RelativeMismatch(network, dense),
            $"KCL mismatch {RelativeMismatch(network, v):e2}, dense LU {RelativeMismatch(network, dense):e2}");
        Assert.True(TestMatrix.RelativeDifference(v, dense) < 1e-6);
    }
}
