using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Ofo;

/// <summary>
/// Under- and overvoltage duals per bus-phase, updated by projected ascent on the observed voltages:
/// lambda_under &lt;- max(0, lambda_under + rho_v (v_min - v)), lambda_over &lt;- max(0, lambda_over + rho_v (v - v_max)).
/// Only watched bus-phases (not excluded, voltage present) carry duals; the others stay zero.
/// </summary>
internal sealed class VoltageDuals
{
    private readonly double _stepPerPu;
    private readonly double _vMinPu;
    private readonly double _vMaxPu;
    private double[] _under = Array.Empty<double>();
    private double[] _over = Array.Empty<double>();
    private double[] _eta = Array.Empty<double>();

    public VoltageDuals(double stepPerPu, double vMinPu, double vMaxPu)
    {
        _stepPerPu = stepPerPu;
        _vMinPu = vMinPu;
        _vMaxPu = vMaxPu;
    }

    /// <summary>eta = lambda_over - lambda_under per bus-phase of the grid's node ordering.</summary>
    public double[] Eta => _eta;

    public void Clear()
    {
        Array.Clear(_under);
        Array.Clear(_over);
        Array.Clear(_eta);
    }

    /// <summary>One ascent step on the voltages of <paramref name="grid"/> at the watched positions <paramref name="watched"/>.</summary>
    public void Update(GridState grid, int[] watched)
    {
        int n = grid.Nodes.Count;
        if (_eta.Length != n)
        {
            _under = new double[n];
            _over = new double[n];
            _eta = new double[n];
        }
        ImmutableArray<double> v = grid.VoltagePu;
        foreach (int i in watched)
        {
            double x = v[i];
            if (double.IsNaN(x))
                continue;
            _under[i] = Math.Max(0.0, _under[i] + _stepPerPu * (_vMinPu - x));
            _over[i] = Math.Max(0.0, _over[i] + _stepPerPu * (x - _vMaxPu));
            _eta[i] = _over[i] - _under[i];
        }
    }

    public ImmutableArray<double> Under => _under.ToImmutableArray();

    public ImmutableArray<double> Over => _over.ToImmutableArray();
}
