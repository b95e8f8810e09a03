using System.Collections.Immutable;
using OpenG2G.Core.Commands;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Numerics.Qp;

namespace OpenG2G.Controllers.Mpc;

public sealed partial class MpcController
{
    private const double ActiveToleranceMilliPu = 0.01;

    private MpcPlan Extract(MpcLayout layout, QpResult result)
    {
        int n = layout.Steps;
        var x = new double[_models.Length * n];
        var u = new double[_jobs.Length * n];
        for (int i = 0; i < _models.Length; i++)
        {
            for (int k = 0; k < n; k++)
                x[i * n + k] = _prediction.XRef[i * n + k] + result.X[layout.X(i, k)];
        }
        for (int j = 0; j < _jobs.Length; j++)
        {
            for (int k = 0; k < n; k++)
                u[j * n + k] = Math.Clamp(_prediction.URef[j * n + k] + result.X[layout.U(j, k)], 0, 1);
        }
        return new MpcPlan(n, x, u, layout, result.X.ToArray(), result.Y.ToArray());
    }

    // The fallback: the previous plan moved one step forward, or the decisions in force.
    private MpcPlan Held(MpcLayout layout)
    {
        int n = layout.Steps;
        var x = new double[_models.Length * n];
        var u = new double[_jobs.Length * n];
        for (int i = 0; i < _models.Length; i++)
        {
            for (int k = 0; k < n; k++)
                x[i * n + k] = _plan?.ShiftedLog2(i, k) ?? _models[i].LastLog2;
        }
        for (int j = 0; j < _jobs.Length; j++)
        {
            for (int k = 0; k < n; k++)
                u[j * n + k] = _plan?.ShiftedCap(j, k) ?? _jobs[j].U;
        }
        return new MpcPlan(n, x, u, layout, new double[layout.Variables], new double[layout.Constraints]);
    }

    /// <summary>Command the plan's first step: rounded batches that differ from the last command, caps that moved by half a resolution step.</summary>
    private void Command(MpcLayout layout, QpResult result)
    {
        var (lowerActive, upperActive) = result.HasSolution ? ActiveLimits(layout, result) : (false, false);
        int n = layout.Steps;
        for (int i = 0; i < _models.Length; i++)
        {
            MpcModel model = _models[i];
            int batch = MpcRounding.Round(model.Info.FeasibleBatchSizes, _plan!.Log2Batch[i * n], model.Log2High, lowerActive, upperActive);
            if (batch == model.LastBatch)
                continue;
            _commands.Add(new SetBatchSize(_sites[model.Site].Name, model.Info.Model, batch));
            model.LastBatch = batch;
            model.LastLog2 = Math.Log2(batch);
        }
        double resolution = _options.CapResolutionW;
        for (int j = 0; j < _jobs.Length; j++)
        {
            MpcTrainingJob job = _jobs[j];
            if (!job.IsKnown)
                continue;
            double cap = Math.Clamp(Math.Round(job.CapAt(_plan!.CapFraction[j * n]) / resolution) * resolution, job.Info.MinCapW, job.Info.MaxCapW);
            if (Math.Abs(cap - job.CapW) < 0.5 * resolution)
                continue;
            _commands.Add(new SetPowerCap(_sites[job.Site].Name, job.Name, cap));
            job.CapW = cap;
        }
    }

    // Whether a constrained bus-phase is at (or beyond) its limit at the plan's first step.
    private (bool Lower, bool Upper) ActiveLimits(MpcLayout layout, QpResult result)
    {
        bool lower = false, upper = false;
        double low = 1000 * (_options.VMinPu + _options.VoltageMarginPu), high = 1000 * (_options.VMaxPu - _options.VoltageMarginPu);
        for (int s = 0; s < layout.Slots; s++)
        {
            int node = layout.NodeOf(s);
            double v = 1000 * _prediction.ReferenceVoltage(node, 0);
            for (int i = 0; i < _models.Length; i++)
                v += 1000 * _prediction.BatchCoefficient(node, i, 0) * result.X[layout.X(i, 0)];
            for (int j = 0; j < _jobs.Length; j++)
                v += 1000 * _prediction.CapCoefficient(node, j, 0) * result.X[layout.U(j, 0)];
            if (layout.IsLower(s))
                lower |= v <= low + ActiveToleranceMilliPu;
            else
                upper |= v >= high - ActiveToleranceMilliPu;
        }
        return (lower, upper);
    }

    private MpcSnapshot MakeSnapshot(MpcLayout layout, QpResult result, GridState grid)
    {
        int n = layout.Steps;
        var plan = _models.Select((_, i) => ImmutableArray.Create(_plan!.Log2Batch, i * n, n)).ToImmutableArray();
        var caps = _jobs.Select((job, j) => Enumerable.Range(0, n).Select(k => job.CapAt(_plan!.CapFraction[j * n + k])).ToImmutableArray()).ToImmutableArray();
        int fallbacks = Snapshot.Fallbacks + (result.HasSolution ? 0 : 1);
        return new MpcSnapshot(result.Status, result.Iterations, fallbacks, plan, caps,
            layout.LowerNodes.Select(x => grid.Nodes.Nodes[x]).ToImmutableArray(),
            layout.UpperNodes.Select(x => grid.Nodes.Nodes[x]).ToImmutableArray(),
            layout.Variables, layout.Constraints);
    }
}
