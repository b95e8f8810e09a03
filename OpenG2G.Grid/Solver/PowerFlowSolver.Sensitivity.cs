using System.Numerics;

namespace OpenG2G.Grid.Solver;

/// <summary>
/// Linearisation around the present solution: the voltage response to a small extra power drawn
/// by one load branch, from the factored matrix. The power-flow equations
/// Y_net V + sum I_k(V) = I_source are differentiated (each load current as dI = a dV + b conj(dV),
/// since constant-power loads are not holomorphic) and the linear system is solved with the same
/// splitting as the power flow itself: dV = A^-1 (S dV - dI_loads(dV) - dI_extra), where A is the
/// factored matrix and S the load admittances stamped in it. No power flow is re-solved.
/// </summary>
internal sealed partial class PowerFlowSolver
{
    /// <summary>
    /// Voltage change per unit of extra complex power <paramref name="deltaPower"/> (W + j var) drawn by load branch
    /// <paramref name="branch"/> at constant power. Writes node voltage changes (volts) into <paramref name="response"/>.
    /// Throws <see cref="PowerFlowNotConvergedException"/> when the linear iteration does not settle.
    /// </summary>
    public void LinearResponse(int branch, Complex deltaPower, Complex[] response, (Complex A, Complex B)[] derivatives, Complex[] scratch)
    {
        EnsureFactored();
        int n = Voltages.Length;
        ref readonly var target = ref _loads[branch];
        Complex vd = LoadVoltage(branch);
        Complex extra = Complex.Conjugate(deltaPower / vd);
        Array.Clear(response);
        double scale = 0;
        for (int iteration = 1; iteration <= 500; iteration++)
        {
            Array.Clear(scratch);
            scratch[target.From] -= extra;
            if (target.To >= 0)
                scratch[target.To] += extra;
            for (int k = 0; k < _loads.Length; k++)
            {
                ref readonly var b = ref _loads[k];
                Complex dvd = b.To >= 0 ? response[b.From] - response[b.To] : response[b.From];
                var (a, c) = derivatives[k];
                Complex comp = _stampedLoadY[k] * dvd - (a * dvd + c * Complex.Conjugate(dvd));
                scratch[b.From] += comp;
                if (b.To >= 0)
                    scratch[b.To] -= comp;
            }
            _system.Solve(scratch);
            double change = 0;
            for (int i = 0; i < n; i++)
            {
                change = Math.Max(change, (scratch[i] - response[i]).Magnitude * _inverseBase[i]);
                scale = Math.Max(scale, scratch[i].Magnitude * _inverseBase[i]);
            }
            Array.Copy(scratch, response, n);
            if (change <= 1e-12 * Math.Max(scale, 1e-300))
                return;
        }
        throw new PowerFlowNotConvergedException(500, _net.NodeName(target.From), double.NaN, 1e-12, "sensitivity linearisation");
    }

    /// <summary>Current derivatives of every load branch at the present solution.</summary>
    public (Complex A, Complex B)[] LoadDerivatives()
    {
        var d = new (Complex, Complex)[_loads.Length];
        for (int k = 0; k < _loads.Length; k++)
            d[k] = LoadCurrentDerivative(k);
        return d;
    }
}
