using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.Components;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Forecasts;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Numerics.Qp;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// YAML type <c>mpc</c>: model-predictive control of the target datacenters' batch sizes (and the
/// power caps of their cappable training jobs) over a receding horizon. Every step: read the latest
/// grid snapshot and site states, re-linearise (voltage sensitivities, fitted curves around the
/// previous plan moved one step forward), read the sites' and grid's forecasts, predict every
/// counted voltage over the horizon, solve one QP (<see cref="QpSolver"/>, warm-started), command
/// the first step of the plan (rounded, <see cref="MpcRounding"/>) and keep the rest as the next
/// step's linearisation point. Decisions take effect after the command delay, which the prediction
/// model includes. One QP covers every target, so several sites share the voltage limits.
/// </summary>
/// <remarks>
/// When a QP yields no usable solution (iteration limit, infeasible, non-convex) the controller
/// keeps following its previous plan (or holds the batches in force when it has none) and reports a
/// <c>controller.mpc_fallback</c> event naming the status; a solution that is only "solved
/// inaccurate" is used and reported as <c>controller.mpc_inaccurate</c>.
/// </remarks>
public sealed partial class MpcController : ControllerBase
{
    private readonly MpcOptions _options;
    private readonly IVoltageSensitivityProvider _sensitivity;
    private readonly CountedNodes _counted;
    private readonly MpcSite[] _sites;
    private readonly MpcModel[] _models;
    private readonly MpcTrainingJob[] _jobs;
    private readonly MpcAttachments _attachments;
    private readonly MpcPrediction _prediction;
    private readonly MpcQpBuilder _builder = new();
    private readonly QpSolver _solver;
    private readonly TimeSpan _delay;
    private readonly List<Command> _commands = new();
    private ForecastDistorter? _distorter;
    private MpcPlan? _plan;
    private BusPhaseIndex? _nodes;
    private int[] _watched = Array.Empty<int>();
    private double _referenceThroughput;
    private long _steps;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> for invalid options or a target without an attachment;
    /// <see cref="InvalidOperationException"/> when a target does not accept batch sizes, the grid gives
    /// no sensitivities or topology, or a site with cappable training jobs gives no schedule of them.
    /// </summary>
    public MpcController(MpcOptions options, ControllerBuildContext context)
        : base(context.Name, context.Period)
    {
        OptionsGuard.ThrowIfInvalid(options, "mpc");
        if (context.Targets.IsDefaultOrEmpty)
            throw new InvalidOperationException($"controller '{context.Name}' has no target datacenter");
        _options = options;
        _sensitivity = context.Require<IVoltageSensitivityProvider>(context.Grid, "voltage sensitivities");
        _counted = new CountedNodes(context.Require<IGridTopology>(context.Grid, "the feeder's topology (excluded buses)").ExcludedBuses);
        _attachments = new MpcAttachments(context.Grid as IGridForecast);
        _delay = options.CommandDelayS is double d ? TimeBase.Duration(d, "command_delay_s") : context.CommandDelay;
        var sites = new List<MpcSite>();
        var models = new List<MpcModel>();
        var jobs = new List<MpcTrainingJob>();
        double alpha = options.PowerCalibrationTimeConstantS > 0 ? 1 - Math.Exp(-context.Period.TotalSeconds / options.PowerCalibrationTimeConstantS) : 1.0;
        foreach (IDatacenter target in context.Targets)
        {
            var served = context.Require<IBatchControllable>(target, "batch-size control");
            var site = new MpcSite(served, target as IDatacenterForecast, context.AttachmentOf(target.Name).PowerFactor);
            for (int i = 0; i < site.Batches.Models.Length; i++)
                models.Add(new MpcModel(sites.Count, i, site.Batches.Models[i], options.ItlMarginFraction, alpha));
            if (options.CapTrainingJobs && target is IPowerCappable cappable)
                jobs.AddRange(TrainingJobs(context, target, cappable, served, sites.Count));
            sites.Add(site);
        }
        (_sites, _models, _jobs) = (sites.ToArray(), models.ToArray(), jobs.ToArray());
        _prediction = new MpcPrediction(_sites, _models, _jobs, options.HorizonSteps);
        _solver = new QpSolver(options.Solver.ToSettings());
    }

    /// <summary>The command delay in the prediction model.</summary>
    public TimeSpan CommandDelay => _delay;

    /// <summary>The last step's QP and its warm start, for benchmarks of the solver at the sizes the controller uses.</summary>
    internal QpProblem? LastProblem { get; private set; }

    internal QpWarmStart? LastStart { get; private set; }

    /// <summary>What the controller decided at its last step.</summary>
    public MpcSnapshot Snapshot { get; private set; } = Empty;

    private static MpcSnapshot Empty => new(null, 0, 0, [], [], [], [], 0, 0);

    private static IEnumerable<MpcTrainingJob> TrainingJobs(ControllerBuildContext context, IDatacenter target, IPowerCappable cappable, IBatchControllable served, int site)
    {
        var models = served.Models.Select(m => m.Model).ToHashSet(StringComparer.Ordinal);
        var training = cappable.CappableWorkloads.Where(w => !models.Contains(w.Workload)).ToList();
        if (training.Count > 0 && target is not IDatacenterForecast)
        {
            throw new InvalidOperationException(
                $"controller '{context.Name}' caps training jobs, which needs their GPUs and schedule (IDatacenterForecast), but '{target.Name}' ({target.GetType().Name}) does not give them; set cap_training_jobs: false");
        }
        return training.Select(w => new MpcTrainingJob(site, w));
    }

    /// <inheritdoc />
    protected override void OnReset()
    {
        foreach (MpcSite site in _sites)
            site.Reset();
        foreach (MpcModel model in _models)
            model.Reset();
        foreach (MpcTrainingJob job in _jobs)
            job.Reset();
        _attachments.Reset();
        _distorter = _options.UseForecasts ? new ForecastDistorter(_options.ForecastError, Context!.Seed) : null;
        _plan = null;
        _nodes = null;
        _watched = Array.Empty<int>();
        _referenceThroughput = 0;
        _steps = 0;
        Snapshot = Empty;
    }
}
