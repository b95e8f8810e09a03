using OpenG2G.Controllers.Batching;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Commands;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Pid;

/// <summary>
/// Maps a power adjustment to one common shift d of every model's log2(batch) from its batch at the
/// first step (the reference x_ref): total fitted power
/// P(d) = sum_i w_i P_i(clip(x_ref,i + d)) / 1000 kW, solved for P(d) = P(0) + u with safeguarded Newton
/// steps; each model then gets the feasible batch nearest to 2^(x_ref,i + d).
/// </summary>
internal sealed class BatchPowerActuator : IPowerActuator, IMonotoneCurve
{
    private readonly BatchSite _site;
    private readonly double[] _reference;
    private readonly double[] _replicas;
    private double _referenceKw;
    private double _shift;
    private double _shiftLow;
    private double _shiftHigh;

    public BatchPowerActuator(IBatchControllable datacenter)
    {
        _site = new BatchSite(datacenter);
        _reference = new double[_site.Models.Length];
        _replicas = new double[_site.Models.Length];
    }

    public double LowKw { get; private set; }

    public double HighKw { get; private set; }

    /// <summary>The common log2(batch) shift of the last <see cref="Apply"/>.</summary>
    public double ShiftLog2 => _shift;

    /// <summary>The reference log2(batch) per model (NaN before the first observation).</summary>
    public IReadOnlyList<double> ReferenceLog2 => _reference;

    public void Reset()
    {
        _site.Reset();
        Array.Fill(_reference, double.NaN);
        _shift = 0;
    }

    public void Observe(DatacenterState state)
    {
        if (!_site.IsStarted)
        {
            _site.StartFrom(state);
            Array.Copy(_site.Log2Batch, _reference, _reference.Length);
        }
        _shiftLow = 0;
        _shiftHigh = 0;
        for (int i = 0; i < _reference.Length; i++)
        {
            _replicas[i] = Math.Max(0, _site.Observed(state, i).ActiveReplicas);
            _shiftLow = Math.Min(_shiftLow, _site.Batches[i].Log2Min - _reference[i]);
            _shiftHigh = Math.Max(_shiftHigh, _site.Batches[i].Log2Max - _reference[i]);
        }
        _referenceKw = Evaluate(0, out _);
        LowKw = Evaluate(_shiftLow, out _) - _referenceKw;
        HighKw = Evaluate(_shiftHigh, out _) - _referenceKw;
    }

    public void Apply(double adjustmentKw, DatacenterState state, List<Command> commands)
    {
        _shift = MonotoneSolver.Solve(this, _referenceKw + adjustmentKw, _shiftLow, _shiftHigh, _shift);
        for (int i = 0; i < _reference.Length; i++)
        {
            _site.Log2Batch[i] = _site.Batches[i].Clip(_reference[i] + _shift);
            _site.CommandIfChanged(i, _site.Observed(state, i), commands);
        }
    }

    /// <summary>Total fitted power (kW) at shift <paramref name="z"/> and its slope (kW per unit of log2).</summary>
    public double Evaluate(double z, out double slope)
    {
        double total = 0;
        slope = 0;
        for (int i = 0; i < _reference.Length; i++)
        {
            if (_replicas[i] == 0)
                continue;
            FeasibleBatches b = _site.Batches[i];
            double x = _reference[i] + z;
            double clipped = b.Clip(x);
            CurvePoint p = _site.Models[i].Curves.PowerW(clipped);
            total += _replicas[i] * p.Value;
            if (x > b.Log2Min && x < b.Log2Max)
                slope += _replicas[i] * p.Derivative;
        }
        slope /= 1000.0;
        return total / 1000.0;
    }
}
