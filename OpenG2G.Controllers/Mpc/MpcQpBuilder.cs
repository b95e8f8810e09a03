using OpenG2G.Numerics.Qp;
using OpenG2G.Numerics.Sparse;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// Writes one MPC step as a QP over deviations from the reference plan (see <see cref="MpcLayout"/>):
/// cost = sum over steps of [ -reward(throughput) + switching + trust region + voltage slack
/// penalties - reward(training throughput) ], subject to batch bounds, rate limits, cap bounds and
/// soft voltage limits (rows in milli-pu). Every structural entry is written even when its value is
/// zero, so the pattern depends on the layout only.
/// </summary>
internal sealed class MpcQpBuilder
{
    private readonly List<int> _pRows = new(), _pColumns = new(), _aRows = new(), _aColumns = new();
    private readonly List<double> _pValues = new(), _aValues = new();
    private double[] _q = [], _l = [], _u = [];

    public QpProblem Build(MpcLayout layout, MpcPrediction prediction, MpcModel[] models, MpcTrainingJob[] jobs, MpcOptions options)
    {
        _pRows.Clear();
        _pColumns.Clear();
        _pValues.Clear();
        _aRows.Clear();
        _aColumns.Clear();
        _aValues.Clear();
        _q = new double[layout.Variables];
        _l = new double[layout.Constraints];
        _u = new double[layout.Constraints];
        int steps = layout.Steps;
        for (int i = 0; i < layout.Models; i++)
            AddBatchModel(layout, prediction, i, models[i].LastLog2, options);
        for (int j = 0; j < layout.Jobs; j++)
            AddJob(layout, prediction, j, jobs[j].U, options);
        for (int k = 0; k < steps; k++)
        {
            for (int s = 0; s < layout.Slots; s++)
                AddVoltageRow(layout, prediction, s, k, options);
        }
        var p = SparseMatrix.FromTriplets(layout.Variables, layout.Variables, _pRows.ToArray(), _pColumns.ToArray(), _pValues.ToArray());
        var a = SparseMatrix.FromTriplets(layout.Constraints, layout.Variables, _aRows.ToArray(), _aColumns.ToArray(), _aValues.ToArray());
        return new QpProblem(p, _q, a, _l, _u);
    }

    private void AddBatchModel(MpcLayout layout, MpcPrediction prediction, int i, double last, MpcOptions options)
    {
        int steps = layout.Steps;
        double rate = options.MaxLog2BatchChangePerStep;
        for (int k = 0; k < steps; k++)
        {
            int at = i * steps + k, v = layout.X(i, k);
            double xRef = prediction.XRef[at];
            double previous = k == 0 ? last : prediction.XRef[at - 1];
            AddP(v, v, prediction.ThroughputCurvature[at] + 2 * options.TrustRegionWeight);
            _q[v] -= prediction.ThroughputGradient[at];
            AddSwitching(v, k == 0 ? -1 : layout.X(i, k - 1), xRef - previous, options.SwitchingWeight);
            AddRow(layout.BoxRow(i, k), v, 1.0);
            Bounds(layout.BoxRow(i, k), prediction.XLow[at] - xRef, prediction.XHigh[at] - xRef);
            if (k == 0)
                continue;
            int rateRow = layout.RateRow(i, k);
            AddRow(rateRow, v, 1.0);
            AddRow(rateRow, layout.X(i, k - 1), -1.0);
            Bounds(rateRow, -rate - (xRef - previous), rate - (xRef - previous));
        }
    }

    private void AddJob(MpcLayout layout, MpcPrediction prediction, int j, double now, MpcOptions options)
    {
        int steps = layout.Steps;
        for (int k = 0; k < steps; k++)
        {
            int at = j * steps + k, v = layout.U(j, k);
            double uRef = prediction.URef[at];
            double previous = k == 0 ? now : prediction.URef[at - 1];
            AddP(v, v, 2 * options.TrustRegionWeight);
            _q[v] -= prediction.TrainingGradient[at];
            AddSwitching(v, k == 0 ? -1 : layout.U(j, k - 1), uRef - previous, options.SwitchingWeight);
            AddRow(layout.CapRow(j, k), v, 1.0);
            Bounds(layout.CapRow(j, k), -uRef, 1.0 - uRef);
        }
    }

    // w (d_k + c)^2 with d_k = dev_k - dev_{k-1}: 2w on both diagonals, -2w between, 2wc in q.
    private void AddSwitching(int current, int previous, double referenceChange, double weight)
    {
        AddP(current, current, 2 * weight);
        _q[current] += 2 * weight * referenceChange;
        if (previous < 0)
            return;
        AddP(previous, previous, 2 * weight);
        AddP(previous, current, -2 * weight);
        _q[previous] -= 2 * weight * referenceChange;
    }

    private void AddVoltageRow(MpcLayout layout, MpcPrediction prediction, int slot, int k, MpcOptions options)
    {
        int node = layout.NodeOf(slot);
        bool lower = layout.IsLower(slot);
        int row = layout.VoltageRow(slot, k);
        for (int i = 0; i < layout.Models; i++)
            AddRow(row, layout.X(i, k), 1000.0 * prediction.BatchCoefficient(node, i, k));
        for (int j = 0; j < layout.Jobs; j++)
            AddRow(row, layout.U(j, k), 1000.0 * prediction.CapCoefficient(node, j, k));
        int slack = layout.Slack(slot, k);
        AddRow(row, slack, lower ? 1.0 : -1.0);
        double reference = prediction.ReferenceVoltage(node, k);
        if (lower)
            Bounds(row, 1000.0 * (options.VMinPu + options.VoltageMarginPu - reference), double.PositiveInfinity);
        else
            Bounds(row, double.NegativeInfinity, 1000.0 * (options.VMaxPu - options.VoltageMarginPu - reference));
        AddP(slack, slack, options.VoltageViolationQuadraticWeight / 1e6);
        _q[slack] += options.VoltageViolationWeight / 1000.0;
        AddRow(layout.SlackRow(slot, k), slack, 1.0);
        Bounds(layout.SlackRow(slot, k), 0.0, double.PositiveInfinity);
    }

    private void AddP(int row, int column, double value)
    {
        _pRows.Add(Math.Min(row, column));
        _pColumns.Add(Math.Max(row, column));
        _pValues.Add(value);
    }

    private void AddRow(int row, int column, double value)
    {
        _aRows.Add(row);
        _aColumns.Add(column);
        _aValues.Add(value);
    }

    private void Bounds(int row, double low, double high)
    {
        _l[row] = low;
        _u[row] = high;
    }
}
