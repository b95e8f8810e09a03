using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Pid;

/// <summary>
/// Maps a power adjustment to one common GPU power cap c for the capped training jobs, each clipped to its
/// measured range: P(c) = sum_k n_k PowerPerGpu_k(clip(c)) / 1000 kW with n_k = the job's GPUs while it runs
/// (0 otherwise), relative to uncapped operation (every cap at its maximum), solved for P(c) = P(max) + u.
/// Caps are rounded to the configured resolution and commanded when they differ from the cap in force.
/// Inference models cannot be capped: no measured power-capped inference data exists, so what a cap does
/// to their power, latency and throughput is unknown.
/// </summary>
internal sealed class CapPowerActuator : IPowerActuator, IMonotoneCurve
{
    private readonly string _datacenter;
    private readonly PowerCapInfo[] _caps;
    private readonly TrainingJobLookup _jobs;
    private readonly double[] _gpus;
    private readonly double[] _inForceW;
    private readonly double _resolutionW;
    private readonly double _capLowW;
    private readonly double _capHighW;
    private double _referenceKw;
    private double _cap;

    /// <summary>Throws <see cref="ArgumentException"/> for a workload that cannot be capped or is an inference model.</summary>
    public CapPowerActuator(IPowerCappable cappable, IBatchControllable served, IReadOnlyList<string> workloads, double resolutionW)
    {
        _datacenter = cappable.Name;
        _resolutionW = resolutionW;
        var models = served.Models.Select(m => m.Model).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var jobs = cappable.CappableWorkloads.Where(w => !models.Contains(w.Workload)).ToList();
        var chosen = new List<PowerCapInfo>();
        if (workloads.Count == 0)
        {
            chosen.AddRange(jobs);
            if (chosen.Count == 0)
            {
                throw OptionsGuard.Invalid("workloads",
                    $"'{_datacenter}' has no training job that can be capped (a job needs a measured power_cap_response), and inference models cannot be capped: {NoInferenceData}");
            }
        }
        for (int i = 0; i < workloads.Count; i++)
        {
            if (models.Contains(workloads[i]))
                throw OptionsGuard.Invalid($"workloads[{i}]", $"'{workloads[i]}' is an inference model and cannot be capped: {NoInferenceData}");
            chosen.Add(jobs.FirstOrDefault(w => string.Equals(w.Workload, workloads[i], StringComparison.OrdinalIgnoreCase))
                ?? throw OptionsGuard.Invalid($"workloads[{i}]",
                    $"'{_datacenter}' cannot cap '{workloads[i]}' (cappable training jobs: {(jobs.Count == 0 ? "none" : OptionsGuard.List(jobs.Select(w => w.Workload)))})"));
        }
        _caps = chosen.ToArray();
        _jobs = new TrainingJobLookup(_datacenter, _caps.Select(c => c.Workload).ToArray());
        _gpus = new double[_caps.Length];
        _inForceW = new double[_caps.Length];
        _capLowW = _caps.Min(c => c.MinCapW);
        _capHighW = _caps.Max(c => c.MaxCapW);
        _cap = _capHighW;
    }

    /// <summary>Why inference models cannot be capped (shared by every message that says so).</summary>
    internal const string NoInferenceData =
        "the trace library has no measured power-capped inference data (none is public); docs/datacenter.md says how to add such measurements";

    public double LowKw { get; private set; }

    public double HighKw => 0.0;

    /// <summary>The common cap (W per GPU, before per-job clipping and rounding) of the last <see cref="Apply"/>.</summary>
    public double CommonCapW => _cap;

    public void Reset() => _cap = _capHighW;

    public void Observe(DatacenterState state)
    {
        for (int k = 0; k < _caps.Length; k++)
        {
            TrainingJobState job = _jobs.Get(state, k);
            _gpus[k] = job.Running ? job.Info.Gpus : 0;
            _inForceW[k] = double.IsNaN(job.PowerCapW) ? _caps[k].MaxCapW : job.PowerCapW;
        }
        _referenceKw = Evaluate(_capHighW, out _);
        LowKw = Evaluate(_capLowW, out _) - _referenceKw;
    }

    public void Apply(double adjustmentKw, DatacenterState state, List<Command> commands)
    {
        _cap = MonotoneSolver.Solve(this, _referenceKw + adjustmentKw, _capLowW, _capHighW, _cap);
        for (int k = 0; k < _caps.Length; k++)
        {
            // A job that is not running draws nothing whatever its cap: leave it, so it starts uncapped or as left.
            if (_gpus[k] == 0)
                continue;
            PowerCapInfo info = _caps[k];
            double cap = _resolutionW > 0 ? Math.Round(_cap / _resolutionW) * _resolutionW : _cap;
            cap = Math.Clamp(cap, info.MinCapW, info.MaxCapW);
            if (Math.Abs(cap - _inForceW[k]) > Math.Max(1e-9, 0.5 * _resolutionW))
                commands.Add(new SetPowerCap(_datacenter, info.Workload, cap));
        }
    }

    /// <summary>Total measured power (kW) of the running capped jobs at common cap <paramref name="z"/> (W) and its slope (kW per W).</summary>
    public double Evaluate(double z, out double slope)
    {
        double total = 0;
        slope = 0;
        for (int k = 0; k < _caps.Length; k++)
        {
            if (_gpus[k] == 0)
                continue;
            PowerCapInfo info = _caps[k];
            CurvePoint p = info.PowerPerGpuW(Math.Clamp(z, info.MinCapW, info.MaxCapW));
            total += _gpus[k] * p.Value;
            if (z > info.MinCapW && z < info.MaxCapW)
                slope += _gpus[k] * p.Derivative;
        }
        slope /= 1000.0;
        return total / 1000.0;
    }
}
