namespace OpenG2G.Numerics.Qp;

/// <summary>What a <see cref="QpSolver.Solve"/> found; every result carries one.</summary>
public enum QpStatus
{
    /// <summary>Primal and dual residuals within the tolerances: x and y solve the QP.</summary>
    Solved,

    /// <summary>The iteration limit was reached with residuals within ten times the tolerances: usable with care.</summary>
    SolvedInaccurate,

    /// <summary>No x satisfies l &lt;= A x &lt;= u; the result holds a certificate (a y with A^T y = 0 and u^T y+ + l^T y- &lt; 0).</summary>
    PrimalInfeasible,

    /// <summary>The cost is unbounded below on the feasible set; the result holds a certificate (a direction d with P d = 0, q^T d &lt; 0, A d within the recession cone).</summary>
    DualInfeasible,

    /// <summary>The iteration limit was reached with residuals above ten times the tolerances: x and y are the last iterate, not a solution.</summary>
    IterationLimit,

    /// <summary>P + sigma I is not positive definite (P is not positive semidefinite): the problem is not convex; nothing was iterated.</summary>
    NonConvex,
}
