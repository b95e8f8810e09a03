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
    public static double KclResidualPu(Feeder feeder) => KclResidual(feeder).Pu;

    /// <summary>The largest node current mismatch (as <see cref="KclResidualPu(Feeder)"/>) and the node where it is.</summary>
    public static (double Pu, string Node) KclResidual(Feeder feeder)
    {
        var net = feeder.Network;
        var v = feeder.NodeVoltages.ToArray();
        var mismatch = new Complex[net.NodeCount];
        var magnitude = new double[net.NodeCount];
        Complex At(int node) => node >= 0 ? v[node] : Complex.Zero;
        foreach (var p in net.Branches)
            AddPrimitiveCurrents(p.Nodes, p.Y, At, mismatch, magnitude, null);
        foreach (var s in net.Sources)
            AddPrimitiveCurrents(s.Primitive.Nodes, s.Primitive.Y, At, mismatch, magnitude, s.OpenCircuitVolts);
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
        int at = 0;
        for (int k = 0; k < mismatch.Length; k++)
        {
            // Rounding of the summed terms (|y||v| of every term) bounds what any exact solution can show:
            // a near-zero impedance (a 1e-8 ohm jumper) makes huge, cancelling terms.
            double rounding = 64 * 2.220446049250313e-16 * magnitude[k];
            double r = Math.Max(0.0, mismatch[k].Magnitude - rounding) * net.NodeBaseVolts(k) / sourceVa;
            if (r > worst)
                (worst, at) = (r, k);
        }
        return (worst, net.NodeName(at));
    }

    private static void AddPrimitiveCurrents(int[] nodes, Complex[,] y, Func<int, Complex> at, Complex[] mismatch, double[] magnitude, Complex[]? openCircuit)
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
                Complex term = y[i, j] * (at(nodes[j]) - vs);
                current += term;
                magnitude[nodes[i]] += y[i, j].Magnitude * (at(nodes[j]).Magnitude + vs.Magnitude);
            }
            mismatch[nodes[i]] += current;
        }
    }

    /// <summary>
    /// Source power minus the power of every load branch (DSS loads, attachments and PVSystem, Storage and
    /// Generator phases, whose generation is negative) minus the power into every series and shunt element,
    /// in kW and kvar. The element powers are summed here from the primitives; the feeder's reported losses
    /// must equal the series part and its shunt power the rest.
    /// </summary>
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
        Complex elements = Complex.Zero;
        foreach (var p in net.Branches)
        {
            for (int i = 0; i < p.Order; i++)
            {
                if (p.Nodes[i] < 0)
                    continue;
                Complex current = Complex.Zero;
                for (int j = 0; j < p.Order; j++)
                    if (p.Nodes[j] >= 0)
                        current += p.Y[i, j] * v[p.Nodes[j]];
                elements += v[p.Nodes[i]] * Complex.Conjugate(current);
            }
        }
        Complex reported = feeder.Losses() + feeder.ShuntPower();
        Assert.True((reported - elements).Magnitude <= 1e-6 * Math.Max(1.0, elements.Magnitude), $"losses + shunt power {reported} differ from the elements' power {elements}");
        return (feeder.SourcePower() - loads - elements) / 1000.0;
    }

    /// <summary>Assert both checks for a solve at <paramref name="tolerance"/>.</summary>
    public static void AssertBalanced(Feeder feeder, double tolerance, double relativeBalance = 0.0)
    {
        double kcl = KclResidualPu(feeder);
        Assert.True(kcl <= Math.Max(100 * tolerance, 1e-7), $"KCL residual {kcl:E3} pu exceeds the tolerance");
        Complex imbalance = PowerImbalanceKva(feeder);
        double allowedKva = Math.Max(0.01, relativeBalance * feeder.SourcePower().Magnitude / 1000.0);
        Assert.True(Math.Abs(imbalance.Real) <= allowedKva && Math.Abs(imbalance.Imaginary) <= allowedKva,
            $"source - loads - losses = {imbalance.Real:G4} kW, {imbalance.Imaginary:G4} kvar");
    }
}
