using System.Collections.Immutable;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Qp;

/// <summary>
/// Solves convex QPs (<see cref="QpProblem"/>) with the OSQP algorithm (Stellato, Banjac, Goulart,
/// Bemporad and Boyd, "OSQP: an operator splitting solver for quadratic programs", Math. Prog.
/// Comp. 12, 2020): ADMM on the Ruiz-scaled problem, each iteration one solve with the
/// quasi-definite KKT matrix factored once per rho (<see cref="SparseLdl"/> on the same minimum
/// degree ordering as the grid's LU), over-relaxation, adaptive rho with refactorisation, primal
/// and dual infeasibility detection and optional polishing. Written from the paper's description.
/// </summary>
/// <remarks>
/// One instance keeps its workspaces and the symbolic analysis of the last KKT pattern: solving a
/// sequence of problems with the same P and A patterns (an MPC re-linearised every step) repeats
/// only the scaling and the numeric factorisation. Deterministic: the same problem, settings and
/// start give the same bits. Not thread-safe: one instance per thread.
/// </remarks>
public sealed partial class QpSolver
{
    private const double RhoMin = 1e-6;
    private const double RhoMax = 1e6;
    private const double EqualityRhoScale = 1e3;
    private const double EqualityGap = 1e-4;

    private readonly QpSettings _settings;
    private KktSystem? _kkt;
    private RuizScaling _scaling = new(0, 0);
    private QpProblem _problem = null!;
    private double[] _p = [], _a = [], _q = [], _l = [], _u = [];
    private double[] _x = [], _z = [], _y = [], _xPrev = [], _zPrev = [], _yPrev = [];
    private double[] _rhs = [], _rho = [], _rhoInverse = [];
    private double[] _ax = [], _px = [], _aty = [];
    private double _rhoScalar;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a setting out of range.</summary>
    public QpSolver(QpSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ThrowIfInvalid();
        _settings = settings;
    }

    /// <summary>A solver with the default <see cref="QpSettings"/>.</summary>
    public QpSolver()
        : this(new QpSettings())
    {
    }

    /// <summary>The settings every solve uses.</summary>
    public QpSettings Settings => _settings;

    /// <summary>How often a new P/A pattern forced a new symbolic analysis of the KKT matrix (for tests and benchmarks).</summary>
    public int Analyses { get; private set; }

    /// <summary>Entries below the diagonal of the last KKT factor (0 before the first solve).</summary>
    public int KktFactorNonZeros => _kkt?.FactorNonZeros ?? 0;

    /// <summary>
    /// Solve <paramref name="problem"/>, from <paramref name="start"/> when given (else from zero).
    /// Never throws for a problem that is merely infeasible, unbounded, non-convex or slow: the
    /// result's <see cref="QpResult.Status"/> says which.
    /// </summary>
    /// <exception cref="ArgumentException">The start's lengths do not fit the problem, or it holds a value that is not finite.</exception>
    public QpResult Solve(QpProblem problem, QpWarmStart? start = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        InitialiseRho(Prepare(problem));
        if (!_kkt!.Factor(_p, _a, _settings.Sigma, _rhoInverse))
            return NonConvexResult();
        Start(start);

        var check = new ResidualCheck();
        QpStatus? status = null;
        ImmutableArray<double> certificate = ImmutableArray<double>.Empty;
        int iteration = 0, rhoUpdates = 0;
        int rhoInterval = RoundUp(_settings.AdaptiveRhoInterval, _settings.CheckInterval);
        while (status is null && iteration < _settings.MaxIterations)
        {
            iteration++;
            Iterate();
            if (iteration % _settings.CheckInterval != 0 && iteration != _settings.MaxIterations)
                continue;
            check = Residuals();
            if (check.Converged(_settings.AbsoluteTolerance, _settings.EffectivePrimalRelativeTolerance, _settings.RelativeTolerance))
                status = QpStatus.Solved;
            else if (PrimalInfeasibility() is { } y)
                (status, certificate) = (QpStatus.PrimalInfeasible, y);
            else if (DualInfeasibility() is { } d)
                (status, certificate) = (QpStatus.DualInfeasible, d);
            else if (_settings.AdaptiveRho && iteration % rhoInterval == 0 && UpdateRho(check))
                rhoUpdates++;
        }
        status ??= check.Converged(10 * _settings.AbsoluteTolerance, 10 * _settings.EffectivePrimalRelativeTolerance, 10 * _settings.RelativeTolerance)
            ? QpStatus.SolvedInaccurate
            : QpStatus.IterationLimit;
        bool polished = status == QpStatus.Solved && _settings.Polish && TryPolish(ref check);
        return Result(status.Value, iteration, check, rhoUpdates, polished, certificate);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    private QpResult NonConvexResult() => new(QpStatus.NonConvex, 0,
        ImmutableArray.Create(new double[_problem.Variables]), ImmutableArray.Create(new double[_problem.Constraints]),
        double.NaN, double.NaN, double.NaN, _rhoScalar, 0, false, ImmutableArray<double>.Empty);

    private QpResult Result(QpStatus status, int iterations, ResidualCheck check, int rhoUpdates, bool polished, ImmutableArray<double> certificate)
    {
        var d = _scaling.D;
        var e = _scaling.E;
        double costInverse = 1.0 / _scaling.Cost;
        var x = new double[_x.Length];
        for (int j = 0; j < x.Length; j++)
            x[j] = d[j] * _x[j];
        var y = new double[_y.Length];
        for (int i = 0; i < y.Length; i++)
            y[i] = e[i] * _y[i] * costInverse;
        bool solved = status is QpStatus.Solved or QpStatus.SolvedInaccurate;
        double objective = solved ? _problem.Objective(x) : double.NaN;
        return new QpResult(status, iterations, ImmutableArray.Create(x), ImmutableArray.Create(y), objective,
            check.Primal, check.Dual, _rhoScalar, rhoUpdates, polished, certificate);
    }
}
