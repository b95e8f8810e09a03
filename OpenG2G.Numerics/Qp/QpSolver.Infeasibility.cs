using System.Collections.Immutable;

namespace OpenG2G.Numerics.Qp;

public sealed partial class QpSolver
{
    private double[] _deltaX = [], _deltaY = [];

    /// <summary>
    /// The change of y between the last two iterates, projected onto the directions the bounds allow
    /// (a component pushing towards an infinite bound is dropped), certifies primal infeasibility when
    /// ||A^T dy|| &lt;= eps ||dy|| and u^T dy+ + l^T dy- &lt; -eps ||dy|| (unscaled norms). Returns the
    /// unscaled certificate, or null.
    /// </summary>
    private ImmutableArray<double>? PrimalInfeasibility()
    {
        int m = _y.Length;
        if (m == 0)
            return null;
        if (_deltaY.Length != m)
            _deltaY = new double[m];
        var e = _scaling.E;
        double norm = 0;
        for (int i = 0; i < m; i++)
        {
            double dy = _y[i] - _yPrev[i];
            if (double.IsPositiveInfinity(_u[i]))
                dy = Math.Min(dy, 0);
            if (double.IsNegativeInfinity(_l[i]))
                dy = Math.Max(dy, 0);
            _deltaY[i] = dy;
            norm = Math.Max(norm, Math.Abs(e[i] * dy));
        }
        if (norm < 1e-30)
            return null;
        double eps = _settings.PrimalInfeasibilityTolerance * norm;
        double support = 0;
        for (int i = 0; i < m; i++)
        {
            double dy = _deltaY[i];
            support += dy > 0 ? _u[i] * dy : dy < 0 ? _l[i] * dy : 0;
        }
        if (!(support < -eps))
            return null;
        MultiplyATransposed(_deltaY, _aty);
        var dInverse = _scaling.DInverse;
        for (int j = 0; j < _aty.Length; j++)
        {
            if (Math.Abs(dInverse[j] * _aty[j]) > eps)
                return null;
        }
        var certificate = new double[m];
        for (int i = 0; i < m; i++)
            certificate[i] = e[i] * _deltaY[i] / _scaling.Cost;
        return ImmutableArray.Create(certificate);
    }

    /// <summary>
    /// The change of x between the last two iterates certifies dual infeasibility (an unbounded cost)
    /// when ||P dx|| &lt;= eps ||dx||, q^T dx &lt; -eps ||dx|| and A dx lies in the recession cone of
    /// [l, u] to within eps ||dx|| (unscaled). Returns the unscaled direction, or null.
    /// </summary>
    private ImmutableArray<double>? DualInfeasibility()
    {
        int n = _x.Length;
        if (_deltaX.Length != n)
            _deltaX = new double[n];
        var d = _scaling.D;
        double norm = 0, slope = 0;
        for (int j = 0; j < n; j++)
        {
            _deltaX[j] = _x[j] - _xPrev[j];
            norm = Math.Max(norm, Math.Abs(d[j] * _deltaX[j]));
            slope += _q[j] * _deltaX[j];
        }
        if (norm < 1e-30)
            return null;
        double eps = _settings.DualInfeasibilityTolerance * norm;
        if (!(slope / _scaling.Cost < -eps))
            return null;
        MultiplyP(_deltaX, _px);
        var dInverse = _scaling.DInverse;
        for (int j = 0; j < n; j++)
        {
            if (Math.Abs(dInverse[j] * _px[j]) / _scaling.Cost > eps)
                return null;
        }
        MultiplyA(_deltaX, _ax);
        var eInverse = _scaling.EInverse;
        for (int i = 0; i < _ax.Length; i++)
        {
            double v = eInverse[i] * _ax[i];
            bool upperFinite = !double.IsPositiveInfinity(_u[i]), lowerFinite = !double.IsNegativeInfinity(_l[i]);
            if ((upperFinite && v > eps) || (lowerFinite && v < -eps))
                return null;
        }
        var direction = new double[n];
        for (int j = 0; j < n; j++)
            direction[j] = d[j] * _deltaX[j];
        return ImmutableArray.Create(direction);
    }
}
