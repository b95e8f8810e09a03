using OpenG2G.Numerics.Qp;

namespace OpenG2G.Numerics.Tests.Qp;

/// <summary>
/// Optimality conditions of a QP solution computed from the dense data alone: primal infeasibility
/// dist(A x, [l, u]), stationarity ||P x + q + A^T y||, and complementarity (a positive multiplier
/// only at an active upper bound, a negative one only at an active lower bound).
/// </summary>
internal sealed record KktCheck(double Primal, double PrimalScale, double Dual, double DualScale, (double Multiplier, double Gap)[] Rows)
{
    public static KktCheck Of(RandomQp qp, QpResult result)
    {
        var x = result.X;
        var y = result.Y;
        var ax = DenseReal.Multiply(qp.A, x);
        var px = DenseReal.Multiply(qp.P, x);
        var aty = DenseReal.MultiplyTransposed(qp.A, y);
        double primal = 0;
        var rows = new (double, double)[ax.Length];
        for (int i = 0; i < ax.Length; i++)
        {
            primal = Math.Max(primal, Math.Max(qp.L[i] - ax[i], ax[i] - qp.U[i]));
            double bound = y[i] > 0 ? qp.U[i] : qp.L[i];
            rows[i] = (Math.Abs(y[i]), y[i] == 0 ? 0 : Math.Abs(ax[i] - bound));
        }
        var stationarity = Enumerable.Range(0, px.Length).Select(j => px[j] + qp.Q[j] + aty[j]);
        double dualScale = Math.Max(DenseReal.NormInf(px), Math.Max(DenseReal.NormInf(aty), DenseReal.NormInf(qp.Q)));
        return new KktCheck(primal, DenseReal.NormInf(ax), DenseReal.NormInf(stationarity), dualScale, rows);
    }

    /// <summary>
    /// Whether primal and dual residuals are within eps_abs + eps_rel x their scale, times
    /// <paramref name="slack"/>, and every row is complementary to within those tolerances: either its
    /// multiplier is below the dual tolerance or A x lies within the primal tolerance of the bound
    /// the multiplier's sign points at.
    /// </summary>
    public bool Holds(double absolute, double relative, double slack) => Violation(absolute, relative) <= slack;

    /// <summary>The largest of the three conditions, each as a multiple of its tolerance.</summary>
    public double Violation(double absolute, double relative)
    {
        double primalTolerance = absolute + relative * PrimalScale;
        double dualTolerance = absolute + relative * DualScale;
        double complementarity = Rows.Select(r => Math.Min(r.Multiplier / dualTolerance, r.Gap / primalTolerance)).DefaultIfEmpty(0).Max();
        return Math.Max(Math.Max(Primal / primalTolerance, Dual / dualTolerance), complementarity);
    }

    public override string ToString() =>
        $"primal {Primal:g3} (scale {PrimalScale:g3}), dual {Dual:g3} (scale {DualScale:g3}), complementarity (violation at 1e-5) {Violation(1e-5, 1e-5):g3}";
}
