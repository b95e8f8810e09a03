using OpenG2G.Controllers.Options;
using OpenG2G.Core.Options;
using OpenG2G.Numerics.Qp;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// Settings of the MPC's QP solver (OSQP's algorithm, <see cref="QpSolver"/>). Voltage rows are
/// written in milli-pu and batch variables in log2 units.
/// </summary>
public sealed record MpcSolverOptions : IValidatable
{
    /// <summary>ADMM iteration limit per step. Default 400; &gt; 0.</summary>
    public int MaxIterations { get; init; } = 400;

    /// <summary>
    /// Absolute tolerance of the primal residual (every row to this much of its unit: voltages to
    /// 3e-5 pu, batches to 0.03 log2) and of the dual residual (cost units per unit of a variable).
    /// Default 0.03. No relative part: the rows and costs of the MPC differ by orders of magnitude (a
    /// deep violation's voltage rows, the slack penalties against the throughput reward), and a
    /// tolerance relative to the largest would leave the small ones unresolved.
    /// </summary>
    public double Tolerance { get; init; } = 0.03;

    /// <summary>Whether each solution is polished (an extra equality-constrained solve on the guessed active set). Default false.</summary>
    public bool Polish { get; init; }

    /// <summary>Whether each solve starts from the previous plan, shifted by one step (primal and, while the constrained bus-phases stay the same, dual). Default true.</summary>
    public bool WarmStart { get; init; } = true;

    /// <summary>
    /// Whether a QP with the same pattern as the previous step's keeps that step's scaling and final
    /// ADMM step size rho, instead of equilibrating again (the scaling is recomputed whenever the
    /// constrained bus-phases change). On the studies' QPs it took about 20 % less time per QP on IEEE
    /// 13, despite some more iterations, and a third of the time on IEEE 34. Default true.
    /// </summary>
    public bool ReuseSetup { get; init; } = true;

    /// <summary>The QP settings these options stand for.</summary>
    public QpSettings ToSettings() => new()
    {
        MaxIterations = MaxIterations,
        AbsoluteTolerance = Tolerance,
        RelativeTolerance = 0,
        Polish = Polish,
        ReuseSetup = ReuseSetup,
    };

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Validate()
    {
        var p = new ProblemList();
        p.Check(MaxIterations > 0, "max_iterations", $"must be > 0, got {MaxIterations}");
        p.Positive("tolerance", Tolerance);
        return p.Problems;
    }
}
