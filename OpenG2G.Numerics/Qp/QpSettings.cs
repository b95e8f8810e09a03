namespace OpenG2G.Numerics.Qp;

/// <summary>
/// Settings of <see cref="QpSolver"/>, with the OSQP algorithm's usual defaults except where noted.
/// Termination: ||A x - z||_inf &lt;= eps_abs + eps_rel,primal max(||A x||, ||z||) and
/// ||P x + q + A^T y||_inf &lt;= eps_abs + eps_rel max(||P x||, ||A^T y||, ||q||), on the unscaled problem.
/// </summary>
public sealed record QpSettings
{
    /// <summary>Initial ADMM step size rho (&gt; 0). Default 0.1. Equality rows use 1000 rho, free rows 1e-6.</summary>
    public double Rho { get; init; } = 0.1;

    /// <summary>Regularisation sigma of the x-update (&gt; 0). Default 1e-6.</summary>
    public double Sigma { get; init; } = 1e-6;

    /// <summary>Over-relaxation alpha in (0, 2). Default 1.6.</summary>
    public double Alpha { get; init; } = 1.6;

    /// <summary>Absolute tolerance eps_abs (&gt;= 0). Default 1e-3.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-3;

    /// <summary>Relative tolerance eps_rel of the dual residual, and of the primal one unless <see cref="PrimalRelativeTolerance"/> is set (&gt;= 0; not both tolerances 0). Default 1e-3.</summary>
    public double RelativeTolerance { get; init; } = 1e-3;

    /// <summary>
    /// Relative tolerance of the primal residual alone (&gt;= 0); null (default) uses
    /// <see cref="RelativeTolerance"/>. The criterion's scale is the largest row, so with rows of very
    /// different magnitudes a relative primal tolerance lets the small rows stray; 0 makes every row
    /// meet the absolute tolerance.
    /// </summary>
    public double? PrimalRelativeTolerance { get; init; }

    /// <summary>The relative tolerance the primal residual is checked with.</summary>
    public double EffectivePrimalRelativeTolerance => PrimalRelativeTolerance ?? RelativeTolerance;

    /// <summary>Primal infeasibility tolerance (&gt; 0). Default 1e-4.</summary>
    public double PrimalInfeasibilityTolerance { get; init; } = 1e-4;

    /// <summary>Dual infeasibility tolerance (&gt; 0). Default 1e-4.</summary>
    public double DualInfeasibilityTolerance { get; init; } = 1e-4;

    /// <summary>Iteration limit (&gt; 0). Default 4000.</summary>
    public int MaxIterations { get; init; } = 4000;

    /// <summary>
    /// Iterations between termination and infeasibility checks (&gt; 0); each check costs about one
    /// iteration. Default 5 (OSQP uses 25; smaller suits warm-started MPC, which stops early).
    /// </summary>
    public int CheckInterval { get; init; } = 5;

    /// <summary>Ruiz equilibration passes (&gt;= 0; 0 = no scaling). Default 10.</summary>
    public int ScalingIterations { get; init; } = 10;

    /// <summary>Whether rho adapts to the ratio of primal to dual residuals. Default true.</summary>
    public bool AdaptiveRho { get; init; } = true;

    /// <summary>
    /// Iterations between rho adaptations (&gt; 0; rounded up to a multiple of <see cref="CheckInterval"/>).
    /// Default 25. A fixed count rather than OSQP's share of setup time, so that results never depend
    /// on the machine.
    /// </summary>
    public int AdaptiveRhoInterval { get; init; } = 25;

    /// <summary>Rho changes (and the KKT matrix is refactored) only when the estimate is this factor away (&gt; 1). Default 5.</summary>
    public double AdaptiveRhoTolerance { get; init; } = 5;

    /// <summary>Whether a solved problem is polished: its active set guessed and an equality-constrained QP solved on it. Default false.</summary>
    public bool Polish { get; init; }

    /// <summary>Regularisation delta of the polishing system (&gt; 0). Default 1e-6.</summary>
    public double PolishRegularisation { get; init; } = 1e-6;

    /// <summary>Iterative refinement steps of polishing (&gt;= 0). Default 3.</summary>
    public int PolishRefineIterations { get; init; } = 3;

    /// <summary>
    /// When a problem has the same P and A patterns as the previous solve of this solver, keep that
    /// solve's Ruiz scaling and its final rho (OSQP's update-and-solve-again use): a sequence of nearby
    /// problems then needs neither a new equilibration nor a new rho adaptation, and a result depends
    /// on the solves before it. Default false: every solve is independent of the ones before.
    /// </summary>
    public bool ReuseSetup { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void ThrowIfInvalid()
    {
        Require(Rho > 0 && double.IsFinite(Rho), nameof(Rho), Rho, "must be finite and > 0");
        Require(Sigma > 0 && double.IsFinite(Sigma), nameof(Sigma), Sigma, "must be finite and > 0");
        Require(Alpha > 0 && Alpha < 2, nameof(Alpha), Alpha, "must be in (0, 2)");
        Require(AbsoluteTolerance >= 0 && double.IsFinite(AbsoluteTolerance), nameof(AbsoluteTolerance), AbsoluteTolerance, "must be finite and >= 0");
        Require(RelativeTolerance >= 0 && double.IsFinite(RelativeTolerance), nameof(RelativeTolerance), RelativeTolerance, "must be finite and >= 0");
        Require(AbsoluteTolerance + RelativeTolerance > 0, nameof(RelativeTolerance), RelativeTolerance, "the absolute and relative tolerances must not both be 0");
        Require(PrimalRelativeTolerance is null || (PrimalRelativeTolerance >= 0 && double.IsFinite(PrimalRelativeTolerance.Value)), nameof(PrimalRelativeTolerance), PrimalRelativeTolerance ?? 0, "must be finite and >= 0");
        Require(AbsoluteTolerance + EffectivePrimalRelativeTolerance > 0, nameof(PrimalRelativeTolerance), EffectivePrimalRelativeTolerance, "the absolute and primal relative tolerances must not both be 0");
        Require(PrimalInfeasibilityTolerance > 0, nameof(PrimalInfeasibilityTolerance), PrimalInfeasibilityTolerance, "must be > 0");
        Require(DualInfeasibilityTolerance > 0, nameof(DualInfeasibilityTolerance), DualInfeasibilityTolerance, "must be > 0");
        Require(MaxIterations > 0, nameof(MaxIterations), MaxIterations, "must be > 0");
        Require(CheckInterval > 0, nameof(CheckInterval), CheckInterval, "must be > 0");
        Require(ScalingIterations >= 0, nameof(ScalingIterations), ScalingIterations, "must be >= 0");
        Require(AdaptiveRhoInterval > 0, nameof(AdaptiveRhoInterval), AdaptiveRhoInterval, "must be > 0");
        Require(AdaptiveRhoTolerance > 1, nameof(AdaptiveRhoTolerance), AdaptiveRhoTolerance, "must be > 1");
        Require(PolishRegularisation > 0, nameof(PolishRegularisation), PolishRegularisation, "must be > 0");
        Require(PolishRefineIterations >= 0, nameof(PolishRefineIterations), PolishRefineIterations, "must be >= 0");
    }

    private static void Require(bool ok, string name, object value, string message)
    {
        if (!ok)
            throw new ArgumentOutOfRangeException(name, value, message);
    }
}
