namespace OpenG2G.Numerics.Qp;

public sealed partial class QpSolver
{
    /// <summary>
    /// One ADMM iteration on the scaled problem: (x~, nu) from the KKT system (solved in the factor's
    /// order, so _rhs is permuted), z~ = z + (nu - y)/rho, over-relaxed x and z~, z projected onto
    /// [l, u], y updated with the projection's residual. The previous iterate stays in the *Prev
    /// arrays for the infeasibility checks.
    /// </summary>
    private void Iterate()
    {
        (_x, _xPrev) = (_xPrev, _x);
        (_z, _zPrev) = (_zPrev, _z);
        (_y, _yPrev) = (_yPrev, _y);
        double[] x = _x, xPrev = _xPrev, z = _z, zPrev = _zPrev, y = _y, yPrev = _yPrev;
        double[] rhs = _rhs, q = _q, l = _l, u = _u, rho = _rho, rhoInverse = _rhoInverse;
        int[] xAt = _kkt!.VariablePositions, zAt = _kkt.ConstraintPositions;
        int n = x.Length, m = y.Length;
        double sigma = _settings.Sigma;
        double alpha = _settings.Alpha;
        for (int j = 0; j < n; j++)
            rhs[xAt[j]] = sigma * xPrev[j] - q[j];
        for (int i = 0; i < m; i++)
            rhs[zAt[i]] = zPrev[i] - rhoInverse[i] * yPrev[i];
        _kkt.SolvePermuted(rhs);

        for (int j = 0; j < n; j++)
            x[j] = alpha * rhs[xAt[j]] + (1 - alpha) * xPrev[j];
        for (int i = 0; i < m; i++)
        {
            double zOld = zPrev[i], yOld = yPrev[i], inverse = rhoInverse[i];
            double zTilde = zOld + inverse * (rhs[zAt[i]] - yOld);
            double relaxed = alpha * zTilde + (1 - alpha) * zOld;
            double zNew = relaxed + inverse * yOld;
            if (zNew < l[i])
                zNew = l[i];
            else if (zNew > u[i])
                zNew = u[i];
            y[i] = yOld + rho[i] * (relaxed - zNew);
            z[i] = zNew;
        }
    }

    /// <summary>Primal and dual residuals of the current iterate, unscaled and scaled.</summary>
    private ResidualCheck Residuals() => Residuals(_x, _z, _y);

    private ResidualCheck Residuals(double[] x, double[] z, double[] y)
    {
        MultiplyA(x, _ax);
        MultiplyP(x, _px);
        MultiplyATransposed(y, _aty);
        var eInverse = _scaling.EInverse;
        double primal = 0, ax = 0, zNorm = 0, primalScaled = 0, axScaled = 0, zScaled = 0;
        for (int i = 0; i < _ax.Length; i++)
        {
            double r = _ax[i] - z[i];
            primal = Math.Max(primal, Math.Abs(eInverse[i] * r));
            ax = Math.Max(ax, Math.Abs(eInverse[i] * _ax[i]));
            zNorm = Math.Max(zNorm, Math.Abs(eInverse[i] * z[i]));
            primalScaled = Math.Max(primalScaled, Math.Abs(r));
            axScaled = Math.Max(axScaled, Math.Abs(_ax[i]));
            zScaled = Math.Max(zScaled, Math.Abs(z[i]));
        }
        var dInverse = _scaling.DInverse;
        double c = 1.0 / _scaling.Cost;
        double dual = 0, px = 0, aty = 0, q = 0, dualScaled = 0, scaleScaled = 0;
        for (int j = 0; j < _px.Length; j++)
        {
            double r = _px[j] + _q[j] + _aty[j];
            dual = Math.Max(dual, Math.Abs(dInverse[j] * r));
            px = Math.Max(px, Math.Abs(dInverse[j] * _px[j]));
            aty = Math.Max(aty, Math.Abs(dInverse[j] * _aty[j]));
            q = Math.Max(q, Math.Abs(dInverse[j] * _q[j]));
            dualScaled = Math.Max(dualScaled, Math.Abs(r));
            scaleScaled = Math.Max(scaleScaled, Math.Max(Math.Abs(_px[j]), Math.Max(Math.Abs(_aty[j]), Math.Abs(_q[j]))));
        }
        const double tiny = 1e-30;
        return new ResidualCheck(primal, c * dual, Math.Max(ax, zNorm), c * Math.Max(px, Math.Max(aty, q)),
            primalScaled / Math.Max(Math.Max(axScaled, zScaled), tiny), dualScaled / Math.Max(scaleScaled, tiny));
    }

    /// <summary>
    /// rho_new = rho sqrt(scaled primal ratio / scaled dual ratio), clipped to [1e-6, 1e6]; applied
    /// (with a refactorisation) only when it differs by more than the adaptive tolerance factor.
    /// </summary>
    private bool UpdateRho(ResidualCheck check)
    {
        if (check.ScaledDualRatio <= 0 || check.ScaledPrimalRatio <= 0)
            return false;
        double estimate = Math.Clamp(_rhoScalar * Math.Sqrt(check.ScaledPrimalRatio / check.ScaledDualRatio), RhoMin, RhoMax);
        double tolerance = _settings.AdaptiveRhoTolerance;
        if (estimate <= _rhoScalar * tolerance && estimate >= _rhoScalar / tolerance)
            return false;
        _rhoScalar = estimate;
        SetRhoVector();
        if (!_kkt!.Refactor(_rhoInverse))
            throw new InvalidOperationException($"the KKT matrix lost its quasi-definite structure at rho = {estimate:g3}; this is a solver bug, not a property of the problem");
        return true;
    }
}
