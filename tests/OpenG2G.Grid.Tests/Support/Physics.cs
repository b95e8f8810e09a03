using System.Numerics;
using OpenG2G.Grid.PowerFlow;
using OpenG2G.Grid.Solver;

namespace OpenG2G.Grid.Tests.Support;

/// <summary>
/// Physics checks computed independently of the solver's matrix: Kirchhoff's current law at every
/// node from the element primitives and the load models, and the power balance
/// source = loads + losses.
/// </summary>
internal static class Physics
{
    /// <summary>Largest node current mismatch, in per unit of the feeder's total apparent power at that node's base voltage.</summary>
    public static double KclResidualPu(Feeder feeder)
    {
        var net = feeder.Network;
        var v = feeder.NodeVoltages.ToArray();
        var mismatch = new Complex[net.NodeCount];
        Complex At(int node) => node >= 0 ? v[node] : Complex.Zero;
        foreach (var p in net.Branches)
            AddPrimitiveCurrents(p.Nodes, p.Y, At, mismatch, null);
        foreach (var s in net.Sources)
            AddPrimitiveCurrents(s.Primitive.Nodes, s.Primitive.Y, At, mismatch, s.OpenCircuitVolts);
        foreach (var b in feeder.CurrentLoadBranches)
        {
            Complex vd = At(b.From) - At(b.To);
            Complex i = LoadCurrent.At(b, vd);
            mismatch[b.From] += i;
            if (b.To >= 0)
                mismatch[b.To] -= i;
        }
        double sourceVa = Math.Max(feeder.SourcePower().Magnitude, 1.0);
        double worst = 0;
        for (int k = 0; k < mismatch.Length; k++)
            worst = Math.Max(worst, mismatch[k].Magnitude * net.NodeBaseVolts(k) / sourceVa);
        return worst;
    }

    private static void AddPrimitiveCurrents(int[] nodes, Complex[,] y, Func<int, Complex> at, Complex[] mismatch, Complex[]? openCircuit)
    {
        int half = nodes.Length / 2;
        for (int i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] < 0)
                continue;
            Complex current = Complex.Zero;
            for (int j = 0; j < nodes.Length; j++)
            {
                Complex vs = openCircuit is not null && j < half ? openCircuit[j] : Complex.Zero;
                current += y[i, j] * (at(nodes[j]) - vs);
            }
            mismatch[nodes[i]] += current;
        }
    }

    /// <summary>Source power minus load power minus losses, in kW and kvar.</summary>
    public static Complex PowerImbalanceKva(Feeder feeder)
    {
        var net = feeder.Network;
        var v = feeder.NodeVoltages.ToArray();
        Complex loads = Complex.Zero;
        foreach (var b in feeder.CurrentLoadBranches)
        {
            Complex vd = v[b.From] - (b.To >= 0 ? v[b.To] : Complex.Zero);
            loads += vd * Complex.Conjugate(LoadCurrent.At(b, vd));
        }
        return (feeder.SourcePower() - loads - feeder.Losses()) / 1000.0;
    }

    /// <summary>Assert both checks for a solve at <paramref name="tolerance"/>.</summary>
    public static void AssertBalanced(Feeder feeder, double tolerance)
    {
        double kcl = KclResidualPu(feeder);
        Assert.True(kcl <= Math.Max(100 * tolerance, 1e-7), $"KCL residual {kcl:E3} pu exceeds the tolerance");
        Complex imbalance = PowerImbalanceKva(feeder);
        Assert.True(Math.Abs(imbalance.Real) <= 0.01 && Math.Abs(imbalance.Imaginary) <= 0.01,
            $"source - loads - losses = {imbalance.Real:G4} kW, {imbalance.Imaginary:G4} kvar");
    }
}
