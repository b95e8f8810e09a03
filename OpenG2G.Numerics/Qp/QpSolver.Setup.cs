namespace OpenG2G.Numerics.Qp;

public sealed partial class QpSolver
{
    // Keeps the KKT analysis when the patterns match the last problem's; scales the new values.
    // Returns whether the previous solve's scaling and rho were kept.
    private bool Prepare(QpProblem problem)
    {
        _problem = problem;
        int n = problem.Variables, m = problem.Constraints;
        bool samePattern = _kkt is not null && _kkt.Fits(problem.P, problem.A);
        if (!samePattern)
        {
            _kkt = new KktSystem(problem.P, problem.A);
            Analyses++;
            _scaling = new RuizScaling(n, m);
            _p = new double[problem.P.NonZeros];
            _a = new double[problem.A.NonZeros];
            (_q, _x, _xPrev, _px, _aty) = (new double[n], new double[n], new double[n], new double[n], new double[n]);
            (_l, _u, _z, _y, _zPrev, _yPrev) = (new double[m], new double[m], new double[m], new double[m], new double[m], new double[m]);
            (_rho, _rhoInverse, _ax) = (new double[m], new double[m], new double[m]);
            _rhs = new double[n + m];
        }
        problem.P.Values.CopyTo(_p);
        problem.A.Values.CopyTo(_a);
        problem.Q.CopyTo(_q);
        bool reuse = samePattern && _settings.ReuseSetup;
        if (reuse)
            _scaling.Reapply(problem.P, _p, problem.A, _a, _q);
        else
            _scaling.Apply(problem.P, _p, problem.A, _a, _q, _settings.ScalingIterations);
        var e = _scaling.E;
        for (int i = 0; i < m; i++)
        {
            _l[i] = problem.Lower[i] * e[i];
            _u[i] = problem.Upper[i] * e[i];
        }
        return reuse;
    }

    // Equality rows get a stiffer rho, free rows almost none (OSQP's rule); a kept setup keeps its rho.
    private void InitialiseRho(bool keep)
    {
        if (!keep)
            _rhoScalar = Math.Clamp(_settings.Rho, RhoMin, RhoMax);
        SetRhoVector();
    }

    private void SetRhoVector()
    {
        for (int i = 0; i < _rho.Length; i++)
        {
            double l = _l[i], u = _u[i];
            double rho = double.IsNegativeInfinity(l) && double.IsPositiveInfinity(u) ? RhoMin
                : u - l < EqualityGap ? EqualityRhoScale * _rhoScalar
                : _rhoScalar;
            _rho[i] = rho;
            _rhoInverse[i] = 1.0 / rho;
        }
    }

    private void Start(QpWarmStart? start)
    {
        int n = _x.Length, m = _y.Length;
        Array.Clear(_x);
        Array.Clear(_z);
        Array.Clear(_y);
        if (start is null)
            return;
        if (start.X.IsDefault || start.X.Length != n)
            throw new ArgumentException($"the warm start has {(start.X.IsDefault ? 0 : start.X.Length)} primal values; the problem has {n} variables", nameof(start));
        bool hasDuals = !start.Y.IsDefaultOrEmpty;
        if (hasDuals && start.Y.Length != m)
            throw new ArgumentException($"the warm start has {start.Y.Length} dual values; the problem has {m} constraints", nameof(start));
        var dInverse = _scaling.DInverse;
        for (int j = 0; j < n; j++)
        {
            if (!double.IsFinite(start.X[j]))
                throw new ArgumentException($"warm start x[{j}] is {start.X[j]}; it must be finite", nameof(start));
            _x[j] = start.X[j] * dInverse[j];
        }
        if (hasDuals)
        {
            var eInverse = _scaling.EInverse;
            for (int i = 0; i < m; i++)
            {
                if (!double.IsFinite(start.Y[i]))
                    throw new ArgumentException($"warm start y[{i}] is {start.Y[i]}; it must be finite", nameof(start));
                _y[i] = start.Y[i] * eInverse[i] * _scaling.Cost;
            }
        }
        MultiplyA(_x, _z);
        for (int i = 0; i < m; i++)
            _z[i] = Math.Clamp(_z[i], _l[i], _u[i]);
    }
}
