using System.Numerics;

namespace OpenG2G.Grid.PowerFlow;

/// <summary>Voltage sensitivities from the solved network.</summary>
public sealed partial class Feeder
{
    /// <summary>
    /// d|V|/dP and d|V|/dQ of every reported node (per unit per kW, per kvar) for power added as
    /// constant-power load on each of <paramref name="branches"/> (load-branch indices, e.g. the phases of
    /// an attachment; -1 for a missing phase gives zeros). Row-major: node x branch. Uses the last solution.
    /// </summary>
    public (double[] DvDpPuPerKw, double[] DvDqPuPerKvar) Sensitivities(ReadOnlySpan<int> branches)
    {
        int m = branches.Length;
        int rows = _reportedNodes.Length;
        var dp = new double[rows * m];
        var dq = new double[rows * m];
        var derivatives = _solver.LoadDerivatives();
        int n = Network.NodeCount;
        var response = new Complex[n];
        var scratch = new Complex[n];
        var v = _solver.Voltages;
        for (int col = 0; col < m; col++)
        {
            if (branches[col] < 0)
                continue;
            for (int kind = 0; kind < 2; kind++)
            {
                _solver.LinearResponse(branches[col], kind == 0 ? new Complex(1000.0, 0) : new Complex(0, 1000.0), response, derivatives, scratch);
                var target = kind == 0 ? dp : dq;
                for (int r = 0; r < rows; r++)
                {
                    int node = _reportedNodes[r];
                    Complex vi = v[node];
                    double dmag = (Complex.Conjugate(vi) * response[node]).Real / vi.Magnitude;
                    target[r * m + col] = dmag / Network.NodeBaseVolts(node);
                }
            }
        }
        return (dp, dq);
    }
}
