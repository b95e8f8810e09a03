using System.Numerics;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Solver;

/// <summary>
/// A model-3 generator inside the power-flow iteration, OpenDSS's way: before each iteration's
/// injections its reactive power per phase moves by PVFactor x dQ/dV x (target - mean phase |V|),
/// at most 10 % of the var range per iteration, clamped to [minkvar, maxkvar]. dQ/dV is estimated
/// as 2 |Y_ii| V_base Vpu from the admittance matrix at the generator's first node. The converged
/// solution holds the mean phase voltage at the target, or the reactive power at a limit.
/// </summary>
internal sealed class VoltageRegulatingGenerator
{
    private readonly int[] _branches;
    private readonly double _targetVolts;
    private readonly double _varMax;
    private readonly double _varMin;
    private readonly double _deltaQMax;
    private readonly double _pvFactor;
    private readonly double _phaseBaseVolts;
    private readonly double _voltagePu;
    private readonly bool _delta;
    private double _dqdv = double.NaN;

    public VoltageRegulatingGenerator(int[] branches, double phaseBaseVolts, double voltagePu, double kvarMax, double kvarMin, double pvFactor, bool delta)
    {
        _branches = branches;
        _phaseBaseVolts = phaseBaseVolts;
        _voltagePu = voltagePu;
        _targetVolts = voltagePu * phaseBaseVolts;
        _varMax = 1000.0 * kvarMax / branches.Length;
        _varMin = 1000.0 * kvarMin / branches.Length;
        _deltaQMax = (_varMax - _varMin) * 0.10;
        _pvFactor = pvFactor;
        _delta = delta;
    }

    /// <summary>Reactive power per phase, var supplied.</summary>
    public double VarsPerPhase { get; private set; }

    public int[] Branches => _branches;

    /// <summary>Start from <paramref name="kvar"/> (all phases), clamped to the limits.</summary>
    public void Start(double kvar) => VarsPerPhase = Math.Clamp(1000.0 * kvar / _branches.Length, _varMin, _varMax);

    /// <summary>Estimate dQ/dV from the diagonal admittance <paramref name="yii"/> (siemens) at the first node.</summary>
    public void SetDiagonal(Complex yii) => _dqdv = 2.0 * yii.Magnitude * _phaseBaseVolts * _voltagePu;

    public bool NeedsDiagonal => double.IsNaN(_dqdv);

    /// <summary>One Q update at the present voltages; writes the phases' vars (load convention) into <paramref name="loads"/>.</summary>
    public void Update(Complex[] v, LoadBranch[] loads)
    {
        double sum = 0;
        foreach (int k in _branches)
        {
            ref readonly var b = ref loads[k];
            Complex vd = b.To >= 0 ? v[b.From] - v[b.To] : v[b.From];
            sum += vd.Magnitude;
        }
        double average = _delta ? sum / (Math.Sqrt(3.0) * _branches.Length) : sum / _branches.Length;
        double dq = Math.Clamp(_pvFactor * _dqdv * (_targetVolts - average), -_deltaQMax, _deltaQMax);
        VarsPerPhase = Math.Clamp(VarsPerPhase + dq, _varMin, _varMax);
        foreach (int k in _branches)
            loads[k].Vars = -VarsPerPhase;
    }
}
