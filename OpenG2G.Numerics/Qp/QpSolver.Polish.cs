using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Numerics.Qp;

public sealed partial class QpSolver
{
    /// <summary>
    /// Polishing: guess the active constraints from the ADMM solution (lower active where
    /// z - l &lt; -y, upper active where u - z &lt; y), solve the equality-constrained QP on them
    /// through the regularised KKT system [P + delta I, A_act^T; A_act, -delta I] with iterative
    /// refinement against the unregularised one, and keep the result only when its primal and dual
    /// residuals are no worse than the ADMM solution's and its multipliers have the right signs.
    /// </summary>
    private bool TryPolish(ref ResidualCheck check)
    {
        int n = _x.Length;
        var (active, targets, sides) = ActiveSet();
        var system = PolishSystem(active, _settings.PolishRegularisation);
        var exact = PolishSystem(active, 0.0);
        SparseLdl ldl;
        try
        {
            ldl = SparseLdl.Analyze(system);
            ldl.Factor(system.Values);
        }
        catch (SingularMatrixException)
        {
            return false;
        }
        var rhs = new double[n + active.Length];
        for (int j = 0; j < n; j++)
            rhs[j] = -_q[j];
        targets.CopyTo(rhs, n);
        var solution = (double[])rhs.Clone();
        ldl.Solve(solution);
        var residual = new double[rhs.Length];
        for (int step = 0; step < _settings.PolishRefineIterations; step++)
        {
            exact.MultiplySymmetricUpper(solution, residual);
            for (int k = 0; k < rhs.Length; k++)
                residual[k] = rhs[k] - residual[k];
            ldl.Solve(residual);
            for (int k = 0; k < rhs.Length; k++)
                solution[k] += residual[k];
        }
        return AcceptPolished(solution, active, sides, ref check);
    }

    private (int[] Active, double[] Targets, int[] Sides) ActiveSet()
    {
        var active = new List<int>();
        var targets = new List<double>();
        var sides = new List<int>();
        for (int i = 0; i < _y.Length; i++)
        {
            bool lower = _z[i] - _l[i] < -_y[i];
            bool upper = _u[i] - _z[i] < _y[i];
            if (!lower && !upper)
                continue;
            active.Add(i);
            targets.Add(lower ? _l[i] : _u[i]);
            sides.Add(lower && upper ? 0 : lower ? -1 : 1);
        }
        return (active.ToArray(), targets.ToArray(), sides.ToArray());
    }

    // Upper triangle of [P + delta I, A_act^T; A_act, -delta I] on the scaled data.
    private SparseMatrix PolishSystem(int[] active, double delta)
    {
        int n = _x.Length;
        var rows = new List<int>();
        var columns = new List<int>();
        var values = new List<double>();
        var pStarts = _problem.P.ColumnStarts;
        var pRows = _problem.P.RowIndices;
        for (int j = 0; j < n; j++)
        {
            for (int p = pStarts[j]; p < pStarts[j + 1]; p++)
            {
                rows.Add(pRows[p]);
                columns.Add(j);
                values.Add(_p[p]);
            }
            rows.Add(j);
            columns.Add(j);
            values.Add(delta);
        }
        var position = new int[_y.Length];
        Array.Fill(position, -1);
        for (int r = 0; r < active.Length; r++)
        {
            position[active[r]] = r;
            rows.Add(n + r);
            columns.Add(n + r);
            values.Add(-delta);
        }
        var aStarts = _problem.A.ColumnStarts;
        var aRows = _problem.A.RowIndices;
        for (int j = 0; j < n; j++)
        {
            for (int p = aStarts[j]; p < aStarts[j + 1]; p++)
            {
                int r = position[aRows[p]];
                if (r < 0)
                    continue;
                rows.Add(j);
                columns.Add(n + r);
                values.Add(_a[p]);
            }
        }
        return SparseMatrix.FromTriplets(n + active.Length, n + active.Length, rows.ToArray(), columns.ToArray(), values.ToArray());
    }

    private bool AcceptPolished(double[] solution, int[] active, int[] sides, ref ResidualCheck check)
    {
        int n = _x.Length, m = _y.Length;
        var x = solution.AsSpan(0, n).ToArray();
        var y = new double[m];
        double largest = 0;
        for (int r = 0; r < active.Length; r++)
        {
            y[active[r]] = solution[n + r];
            largest = Math.Max(largest, Math.Abs(solution[n + r]));
        }
        double signSlack = 1e-9 * Math.Max(1.0, largest);
        for (int r = 0; r < active.Length; r++)
        {
            if (sides[r] * solution[n + r] < -signSlack)
                return false;
        }
        var z = new double[m];
        MultiplyA(x, z);
        for (int i = 0; i < m; i++)
            z[i] = Math.Clamp(z[i], _l[i], _u[i]);
        ResidualCheck polished = Residuals(x, z, y);
        if (!(polished.Primal <= check.Primal && polished.Dual <= check.Dual))
            return false;
        x.CopyTo(_x, 0);
        z.CopyTo(_z, 0);
        y.CopyTo(_y, 0);
        check = polished;
        return true;
    }
}
