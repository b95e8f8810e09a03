using OpenG2G.Controllers.Batching;
using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Pid;

/// <summary>
/// Maps a power adjustment to one common GPU power cap c for the capped models, each clipped to its
/// measured range: P(c) = sum_k n_k PowerPerGpu_k(clip(c)) / 1000 kW with n_k = active replicas x GPUs per
/// replica, relative to uncapped operation (every cap at its maximum), solved for P(c) = P(max) + u.
/// Caps are rounded to the configured resolution and commanded when they differ from the cap in force.
/// </summary>
internal sealed class CapPowerActuator : IPowerActuator, IMonotoneCurve
{
    private readonly string _datacenter;
    private readonly PowerCapInfo[] _caps;
    private readonly int[] _gpusPerReplica;
    private readonly double[] _gpus;
    private readonly ModelStateLookup _lookup;
    private readonly double _resolutionW;
    private readonly double _capLowW;
    private readonly double _capHighW;
    private double _referenceKw;
    private double _cap;

    /// <summary>Throws <see cref="ArgumentException"/> for a workload that cannot be capped or is not a served model.</summary>
    public CapPowerActuator(IPowerCappable cappable, IBatchControllable served, IReadOnlyList<string> workloads, double resolutionW)
    {
        _datacenter = cappable.Name;
        _resolutionW = resolutionW;
        var chosen = new List<(PowerCapInfo Info, int Gpus)>();
        if (workloads.Count == 0)
        {
            foreach (PowerCapInfo info in cappable.CappableWorkloads)
            {
                ServedModelInfo? model = served.Models.FirstOrDefault(m => m.Model == info.Workload);
                if (model is not null)
                    chosen.Add((info, model.GpusPerReplica));
            }
            if (chosen.Count == 0)
                throw OptionsGuard.Invalid("workloads", $"'{_datacenter}' has no served model that can be capped");
        }
        for (int i = 0; i < workloads.Count; i++)
        {
            PowerCapInfo info = cappable.CappableWorkloads.FirstOrDefault(w => w.Workload == workloads[i])
                ?? throw OptionsGuard.Invalid($"workloads[{i}]",
                    $"'{_datacenter}' cannot cap '{workloads[i]}' (cappable: {OptionsGuard.List(cappable.CappableWorkloads.Select(w => w.Workload))})");
            ServedModelInfo model = served.Models.FirstOrDefault(m => m.Model == workloads[i])
                ?? throw OptionsGuard.Invalid($"workloads[{i}]",
                    $"'{workloads[i]}' is not a model served by '{_datacenter}'; the pid caps served models only (it needs their GPU counts)");
            chosen.Add((info, model.GpusPerReplica));
        }
        _caps = chosen.Select(c => c.Info).ToArray();
        _gpusPerReplica = chosen.Select(c => c.Gpus).ToArray();
        _gpus = new double[_caps.Length];
        _lookup = new ModelStateLookup(_datacenter, _caps.Select(c => c.Workload).ToArray());
        _capLowW = _caps.Min(c => c.MinCapW);
        _capHighW = _caps.Max(c => c.MaxCapW);
        _cap = _capHighW;
    }

    public double LowKw { get; private set; }

    public double HighKw => 0.0;

    /// <summary>The common cap (W per GPU, before per-workload clipping and rounding) of the last <see cref="Apply"/>.</summary>
    public double CommonCapW => _cap;

    public void Reset() => _cap = _capHighW;

    public void Observe(DatacenterState state)
    {
        for (int k = 0; k < _caps.Length; k++)
            _gpus[k] = Math.Max(0, _lookup.Get(state, k).ActiveReplicas) * (double)_gpusPerReplica[k];
        _referenceKw = Evaluate(_capHighW, out _);
        LowKw = Evaluate(_capLowW, out _) - _referenceKw;
    }

    public void Apply(double adjustmentKw, DatacenterState state, List<Command> commands)
    {
        _cap = MonotoneSolver.Solve(this, _referenceKw + adjustmentKw, _capLowW, _capHighW, _cap);
        for (int k = 0; k < _caps.Length; k++)
        {
            PowerCapInfo info = _caps[k];
            double cap = _resolutionW > 0 ? Math.Round(_cap / _resolutionW) * _resolutionW : _cap;
            cap = Math.Clamp(cap, info.MinCapW, info.MaxCapW);
            double inForce = _lookup.Get(state, k).PowerCapW;
            if (double.IsNaN(inForce))
                inForce = info.MaxCapW;
            if (Math.Abs(cap - inForce) > Math.Max(1e-9, 0.5 * _resolutionW))
                commands.Add(new SetPowerCap(_datacenter, info.Workload, cap));
        }
    }

    /// <summary>Total fitted power (kW) of the capped models at common cap <paramref name="z"/> (W) and its slope (kW per W).</summary>
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
