using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Numerics.Qp;

namespace OpenG2G.Controllers.Mpc;

public sealed partial class MpcController
{
    /// <inheritdoc />
    public override IReadOnlyList<Command> Step(SimTime now, ControllerInputs inputs)
    {
        if (inputs.LatestGrid is not GridState grid)
            return Array.Empty<Command>();
        var states = new DatacenterState[_sites.Length];
        for (int d = 0; d < _sites.Length; d++)
        {
            if (inputs.LatestOf(_sites[d].Name) is not DatacenterState state)
                return Array.Empty<Command>();
            states[d] = state;
        }
        Relinearise(grid);
        Observe(now, states, grid);
        var stepInputs = new MpcStepInputs(now, _delay, Period, _options, grid, _watched, _attachments.OffsetsPu, _plan, _referenceThroughput, _options.UseForecasts);
        _prediction.Compute(stepInputs);
        var (lower, upper) = MpcScreening.Choose(_prediction, _watched, _options);
        var layout = new MpcLayout(_options.HorizonSteps, _models.Length, _jobs.Length, lower, upper);
        QpProblem problem = _builder.Build(layout, _prediction, _models, _jobs, _options);
        QpWarmStart? start = WarmStart(layout);
        (LastProblem, LastStart) = (problem, start);
        QpResult result = _solver.Solve(problem, start);
        if (result.HasSolution)
        {
            _plan = Extract(layout, result);
            if (result.Status == QpStatus.SolvedInaccurate)
                Emit(now, "controller.mpc_inaccurate", $"QP solved inaccurately after {result.Iterations} iterations (primal residual {result.PrimalResidual:g3}, dual {result.DualResidual:g3}); following its plan");
        }
        else
        {
            _plan = Held(layout);
            Emit(now, "controller.mpc_fallback", $"QP {StatusName(result.Status)} after {result.Iterations} iterations; holding the previous plan");
        }
        _commands.Clear();
        Command(layout, result);
        Snapshot = MakeSnapshot(layout, result, grid);
        _steps++;
        return _commands.Count == 0 ? Array.Empty<Command>() : _commands.ToArray();
    }

    private void Relinearise(GridState grid)
    {
        bool nodesChanged = !ReferenceEquals(grid.Nodes, _nodes);
        if (nodesChanged)
        {
            _watched = _counted.IndicesIn(grid.Nodes);
            _nodes = grid.Nodes;
        }
        if (Due(_options.SensitivityUpdateInterval, nodesChanged))
        {
            foreach (MpcSite site in _sites)
                site.RefreshSensitivity(_sensitivity, grid.Nodes);
        }
        if (Due(_options.AttachmentSensitivityUpdateInterval, nodesChanged))
            _attachments.Invalidate();
    }

    // At the first step, after a change of the node ordering, and every interval steps (0: never again).
    private bool Due(int interval, bool nodesChanged) =>
        nodesChanged || _steps == 0 || (interval > 0 && _steps % interval == 0);

    private void Observe(SimTime now, DatacenterState[] states, GridState grid)
    {
        foreach (MpcModel model in _models)
        {
            MpcSite site = _sites[model.Site];
            ModelState state = site.Batches.Observed(states[model.Site], model.Local);
            model.Observe(state, site.Datacenter.PhaseShare(model.Info.Model));
        }
        if (_referenceThroughput <= 0)
        {
            _referenceThroughput = _models.Sum(m => m.Replicas * m.Info.Curves.ThroughputTokensPerS(m.Batches.Log2Max).Value);
            if (!(_referenceThroughput > 0))
                _referenceThroughput = 1.0;
        }
        SimTime horizonEnd = now + _delay + Period * _options.HorizonSteps;
        for (int d = 0; d < _sites.Length; d++)
            _sites[d].Observe(states[d], now, horizonEnd, _distorter);
        foreach (MpcTrainingJob job in _jobs)
        {
            var announced = _sites[job.Site].Forecast?.TrainingJobs.FirstOrDefault(j => string.Equals(j.Name, job.Name, StringComparison.Ordinal));
            if (announced is not null)
                job.Update(announced);
        }
        _attachments.Update(now, now + _delay, Period, _options.HorizonSteps, grid.Nodes, _sensitivity, _distorter, _options.UseForecasts);
    }

    private QpWarmStart? WarmStart(MpcLayout layout)
    {
        if (!_options.Solver.WarmStart || _plan is null || !layout.SameAs(_plan.Layout))
            return null;
        var (primal, dual) = layout.Shift(_plan.Primal, _plan.Dual);
        return new QpWarmStart([.. primal], [.. dual]);
    }

    private static string StatusName(QpStatus status) => status switch
    {
        QpStatus.PrimalInfeasible => "primal infeasible",
        QpStatus.DualInfeasible => "dual infeasible",
        QpStatus.IterationLimit => "stopped at its iteration limit",
        QpStatus.NonConvex => "non-convex",
        _ => status.ToString(),
    };
}
