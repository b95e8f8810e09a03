using System.Numerics;
using OpenG2G.Grid.Model.Der;

namespace OpenG2G.Grid.Der;

/// <summary>
/// An InvControl in volt-var mode acting on its PVSystems and Storages, OpenDSS's static control
/// algorithm step by step: after each converged solve it samples every controlled inverter's mean
/// (or max, min, one) phase voltage in pu of the inverter's rated voltage and arms when that voltage
/// moved by more than VoltageChangeTolerance since its last action, when the reactive output is
/// more than VarChangeTolerance (pu) from the last target, or on the first control iteration. Acting
/// (no delay) reads the curve, limits the target by kvarMax/kvarMaxAbs (and kVA under watt priority),
/// moves the request a deltaQ_factor share of the way from the last output and re-dispatches the inverter.
/// </summary>
public sealed partial class InvController
{
    private readonly InvControlElement _control;
    private readonly InverterUnit[] _units;
    private readonly VoltVarState[] _state;

    public InvController(InvControlElement control, IReadOnlyList<InverterUnit> units)
    {
        _control = control;
        _units = units.ToArray();
        _state = _units.Select(_ => new VoltVarState()).ToArray();
    }

    public string Name => _control.Key;

    public InvControlElement Control => _control;

    public IReadOnlyList<InverterUnit> Units => _units;

    /// <summary>True while at least one inverter's action is queued.</summary>
    public bool Armed => _state.Any(s => s.Pending);

    /// <summary>Largest voltage change (pu) behind a queued action, for non-convergence messages.</summary>
    public double LastVoltageChangePu => _state.Max(s => Math.Abs(s.PresentVpu - s.PriorVpu));

    /// <summary>Forget everything learned (a new run): OpenDSS's initial control variables.</summary>
    public void Reset()
    {
        for (int i = 0; i < _state.Length; i++)
            _state[i] = new VoltVarState();
    }

    /// <summary>Sample at node voltages <paramref name="v"/> in control iteration <paramref name="controlIteration"/> (1 for the first after a solve).</summary>
    public void Sample(ReadOnlySpan<Complex> v, ReadOnlySpan<Network.LoadBranch> loads, int controlIteration)
    {
        if (!_control.VoltVar || _control.VoltVarCurve is null)
            return;
        for (int i = 0; i < _units.Length; i++)
        {
            var unit = _units[i];
            var s = _state[i];
            if (!unit.InverterOn && ((InverterElement)unit.Element).VarFollowInverter)
                continue;
            double volts = MonitoredVolts(v, loads, unit);
            if (controlIteration == 1)
                s.PriorVpu = s.PresentVpu;
            s.PresentVpu = volts / unit.Element.PhaseBaseVolts;
            if (Math.Abs(s.PresentVpu - s.PriorVpu) > _control.VoltageChangeTolerancePu
                || Math.Abs(Math.Abs(s.OutputPu) - Math.Abs(s.DesiredEndPu)) > _control.VarChangeTolerancePu
                || controlIteration == 1)
                s.Pending = true;
        }
    }

    private double MonitoredVolts(ReadOnlySpan<Complex> v, ReadOnlySpan<Network.LoadBranch> loads, InverterUnit unit)
    {
        int phases = unit.Branches.Length;
        int mode = _control.MonitoredPhase;
        if (mode > 0)
            return v[loads[unit.Branches[Math.Min(mode, phases) - 1]].From].Magnitude;
        double result = mode == -2 ? double.MaxValue : 0.0;
        foreach (int b in unit.Branches)
        {
            double m = v[loads[b].From].Magnitude;
            result = mode switch { -1 => Math.Max(result, m), -2 => Math.Min(result, m), _ => result + m };
        }
        return mode == 0 ? result / phases : result;
    }

    /// <summary>Carry out the queued actions; returns true when any inverter was re-dispatched.</summary>
    public bool Act(DispatchContext context)
    {
        bool acted = false;
        for (int i = 0; i < _units.Length; i++)
        {
            if (!_state[i].Pending)
                continue;
            Step(_units[i], _state[i], context);
            _state[i].Pending = false;
            acted = true;
        }
        return acted;
    }
}
