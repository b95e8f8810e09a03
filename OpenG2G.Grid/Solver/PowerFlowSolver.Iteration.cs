using System.Numerics;

namespace OpenG2G.Grid.Solver;

/// <summary>The fixed-point iteration.</summary>
internal sealed partial class PowerFlowSolver
{
    /// <summary>
    /// Cold start: the solution with every load as its nominal admittance (OpenDSS's init), i.e.
    /// one solve with the source injections only.
    /// </summary>
    public void ColdStart()
    {
        RestampLoads();
        EnsureFactored();
        _sourceCurrent.CopyTo(Voltages, 0);
        _system.Solve(Voltages);
    }

    /// <summary>
    /// Iterate from the present voltages (warm start) until the largest change of any node voltage,
    /// in per unit of its base, is at most <paramref name="tolerance"/>. Returns the iterations.
    /// Throws <see cref="PowerFlowNotConvergedException"/> after <paramref name="maxIterations"/>.
    /// </summary>
    public int Iterate(double tolerance, int maxIterations)
    {
        int iterations = IterateUpTo(tolerance, maxIterations, out bool converged);
        if (!converged)
            throw NotConverged(tolerance, maxIterations);
        return iterations;
    }

    /// <summary>The exception describing the last <see cref="IterateUpTo"/> that ran out of iterations.</summary>
    public PowerFlowNotConvergedException NotConverged(double tolerance, int maxIterations) =>
        new(maxIterations, _net.NodeName(_worstNode), _worstChange, tolerance);

    private int _worstNode;
    private double _worstChange;

    /// <summary>
    /// Iterate as <see cref="Iterate"/> but without throwing: returns the iterations done and whether the
    /// last one met the tolerance (OpenDSS lets a control iteration go on from an unconverged solve).
    /// </summary>
    public int IterateUpTo(double tolerance, int maxIterations, out bool converged)
    {
        EnsureFactored();
        var v = Voltages;
        var rhs = _rhs;
        int n = v.Length;
        double worst = 0;
        int worstNode = 0;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            Array.Copy(_sourceCurrent, rhs, n);
            UpdateRegulatingGenerators();
            AddCompensation(rhs);
            _system.Solve(rhs);
            double worstSquared = 0;
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double dr = rhs[i].Real - v[i].Real;
                double di = rhs[i].Imaginary - v[i].Imaginary;
                double change = (dr * dr + di * di) * _inverseBaseSquared[i];
                sum += change;
                if (change > worstSquared)
                {
                    worstSquared = change;
                    worstNode = i;
                }
            }
            // A NaN fails every comparison above, so a NaN solution would look converged: check once per iteration.
            if (!double.IsFinite(sum))
                throw NonFinite(rhs, iteration);
            Array.Copy(rhs, v, n);
            worst = Math.Sqrt(worstSquared);
            if (worst <= tolerance)
            {
                converged = true;
                return iteration;
            }
        }
        (_worstNode, _worstChange) = (worstNode, worst);
        converged = false;
        return maxIterations;
    }

    /// <summary>Model-3 generators move their reactive power towards their voltage target (once per iteration).</summary>
    private void UpdateRegulatingGenerators()
    {
        foreach (var g in RegulatingGenerators)
        {
            if (g.NeedsDiagonal)
            {
                int node = _loads[g.Branches[0]].From;
                g.SetDiagonal(_values[_system.IndexOf(node, node)]);
            }
            g.Update(Voltages, _loads);
        }
    }

    private PowerFlowNotConvergedException NonFinite(Complex[] solution, int iteration)
    {
        int node = 0;
        while (node < solution.Length - 1 && double.IsFinite(solution[node].Real) && double.IsFinite(solution[node].Imaginary))
            node++;
        return PowerFlowNotConvergedException.NonFinite(iteration, _net.NodeName(node));
    }

    private void AddCompensation(Complex[] rhs)
    {
        var v = Voltages;
        var loads = _loads;
        for (int k = 0; k < loads.Length; k++)
        {
            ref readonly var b = ref loads[k];
            Complex vd = b.To >= 0 ? v[b.From] - v[b.To] : v[b.From];
            Complex comp = _stampedLoadY[k] * vd - LoadCurrent.At(b, vd);
            rhs[b.From] += comp;
            if (b.To >= 0)
                rhs[b.To] -= comp;
        }
    }

    /// <summary>Voltage across load branch <paramref name="k"/> in volts.</summary>
    public Complex LoadVoltage(int k)
    {
        ref readonly var b = ref _loads[k];
        return b.To >= 0 ? Voltages[b.From] - Voltages[b.To] : Voltages[b.From];
    }

    /// <summary>Power drawn by load branch <paramref name="k"/> at the present voltages, in W + j var.</summary>
    public Complex LoadPower(int k)
    {
        Complex vd = LoadVoltage(k);
        return vd * Complex.Conjugate(LoadCurrent.At(_loads[k], vd));
    }

    /// <summary>Derivatives of load branch <paramref name="k"/>'s current: dI = A dV + B conj(dV).</summary>
    internal (Complex A, Complex B) LoadCurrentDerivative(int k)
    {
        ref readonly var b = ref _loads[k];
        Complex vd = LoadVoltage(k);
        const double h = 1e-7;
        double scale = Math.Max(vd.Magnitude, 1.0) * h;
        Complex i0 = LoadCurrent.At(b, vd);
        Complex dRe = (LoadCurrent.At(b, vd + scale) - i0) / scale;
        Complex dIm = (LoadCurrent.At(b, vd + new Complex(0, scale)) - i0) / scale;
        // dI = dRe dx + dIm dy, dx = (dV + conj dV)/2, dy = (dV - conj dV)/(2j)
        Complex a = (dRe - Complex.ImaginaryOne * dIm) / 2;
        Complex bb = (dRe + Complex.ImaginaryOne * dIm) / 2;
        return (a, bb);
    }

    internal Complex StampedLoadAdmittance(int k) => _stampedLoadY[k];
}
