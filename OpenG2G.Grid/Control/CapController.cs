using System.Numerics;
using OpenG2G.Grid.Model.Capacitors;
using OpenG2G.Grid.Model.Transformers;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Control;

/// <summary>
/// A CapControl bound to the network: samples its monitored terminal (current, voltage, kvar, power
/// factor, or the time of day) with OpenDSS's CapControl rules, arms a switching action with its ON or
/// OFF delay, and switches its capacitor one step when the action falls due.
/// </summary>
public sealed class CapController
{
    private readonly Primitive? _monitored;
    private readonly int _offset;
    private readonly int _phases;

    internal CapController(CapControlElement control, Primitive? monitored)
    {
        Control = control;
        Capacitor = control.Capacitor!;
        _monitored = monitored;
        if (monitored is not null)
        {
            int terminals = monitored.Element is TransformerElement t ? t.Windings.Count : 2;
            int conductors = monitored.Order / terminals;
            _offset = (control.Terminal - 1) * conductors;
            _phases = monitored.Element is TransformerElement tr ? tr.Phases : conductors;
        }
        LastOpenTimeS = -control.DeadTimeS;
    }

    /// <summary>Switching actions a control can queue.</summary>
    public enum Action
    {
        None,
        Open,
        Close,
    }

    public CapControlElement Control { get; }
    public CapacitorElement Capacitor { get; }

    public string Name => Control.Key;

    /// <summary>True while at least one step of the capacitor is in service.</summary>
    public bool IsClosed => Capacitor.StepsInService > 0;

    /// <summary>The action the last sample asked for.</summary>
    public Action Pending { get; private set; }

    /// <summary>True while an action is queued.</summary>
    public bool Armed { get; internal set; }

    /// <summary>Delay (seconds) of the queued action.</summary>
    public double DelayS { get; private set; }

    /// <summary>When the capacitor last opened (seconds of simulated time).</summary>
    public double LastOpenTimeS { get; private set; }

    /// <summary>The measured quantity at the last sample (A, V, kvar, hours or pf, on the PT/CT secondary).</summary>
    public double LastMeasurement { get; private set; }

    /// <summary>
    /// Sample at node voltages <paramref name="v"/> at simulated time <paramref name="nowS"/> (seconds). Returns
    /// true when the control newly arms; a control whose condition cleared disarms.
    /// </summary>
    public bool Sample(ReadOnlySpan<Complex> v, double nowS)
    {
        var c = Control;
        bool closed = IsClosed;
        bool shouldSwitch = false;
        if (c.VoltOverride && c.Type != CapControlType.Voltage && _monitored is not null)
        {
            double vtest = ControlVoltage(v);
            if (!closed && vtest < c.VminVolts)
                (Pending, shouldSwitch) = (Action.Close, true);
            else if (closed && vtest > c.VmaxVolts)
                (Pending, shouldSwitch) = (Action.Open, true);
        }
        if (!shouldSwitch)
            shouldSwitch = Evaluate(v, nowS, closed);
        bool newlyArmed = false;
        if (shouldSwitch && !Armed)
        {
            if (Pending == Action.Close)
            {
                double sinceOpen = nowS - LastOpenTimeS;
                DelayS = sinceOpen < c.DeadTimeS ? Math.Max(c.OnDelayS, c.DeadTimeS + c.OnDelayS - sinceOpen) : c.OnDelayS;
            }
            else
            {
                DelayS = c.OffDelayS;
            }
            Armed = true;
            newlyArmed = true;
        }
        if (Armed && Pending == Action.None)
            Armed = false;
        return newlyArmed;
    }

    private bool Evaluate(ReadOnlySpan<Complex> v, double nowS, bool closed)
    {
        var c = Control;
        bool stepsLeft = Capacitor.StepsInService < Capacitor.NumSteps;
        double x;
        bool on, off;
        switch (c.Type)
        {
            case CapControlType.Current:
                x = ControlCurrent(v);
                (on, off) = (x > c.OnSetting, x < c.OffSetting);
                break;
            case CapControlType.Voltage:
                x = ControlVoltage(v);
                (on, off) = (x < c.OnSetting, x > c.OffSetting);
                break;
            case CapControlType.Kvar:
                x = TerminalPower(v).Imaginary / 1000.0;
                (on, off) = (x > c.OnSetting, x < c.OffSetting);
                break;
            case CapControlType.PowerFactor:
                Complex s = TerminalPower(v);
                double mag = s.Magnitude;
                x = mag != 0 ? Math.Abs(s.Real) / mag : 1.0;
                if (s.Imaginary < 0)
                    x = 2.0 - x;
                double minKvar = closed
                    ? Capacitor.TotalKvar / Capacitor.NumSteps * 0.5
                    : Capacitor.TotalKvar * c.PctMinKvar * 0.01;
                (on, off) = (x < c.PfOn && s.Imaginary / 1000.0 > minKvar, x > c.PfOff);
                break;
            default:
                x = TimeOfDayHours(nowS);
                if (c.OffSetting > c.OnSetting)
                    (on, off) = (x >= c.OnSetting && x < c.OffSetting, x >= c.OffSetting);
                else
                    (on, off) = (x >= c.OnSetting && x < 24.0, x >= c.OffSetting && x < c.OnSetting);
                break;
        }
        LastMeasurement = x;
        if (!closed)
        {
            Pending = on ? Action.Close : Action.None;
            return on;
        }
        if (off)
        {
            Pending = Action.Open;
            return true;
        }
        if (stepsLeft)
        {
            if (on)
            {
                Pending = Action.Close;
                return true;
            }
            return false; // OpenDSS keeps the previous pending action here
        }
        Pending = Action.None;
        return false;
    }

    /// <summary>Back to the state after loading: nothing queued, the dead time long past.</summary>
    internal void ResetState()
    {
        Armed = false;
        Pending = Action.None;
        LastOpenTimeS = -Control.DeadTimeS;
    }

    /// <summary>Carry out the queued action at <paramref name="nowS"/>; true when a step switched.</summary>
    internal bool Act(double nowS)
    {
        bool changed = false;
        switch (Pending)
        {
            case Action.Open when IsClosed:
                Capacitor.SubtractStep();
                changed = true;
                if (!IsClosed)
                    LastOpenTimeS = nowS;
                break;
            case Action.Close:
                changed = Capacitor.AddStep();
                break;
        }
        Armed = false;
        return changed;
    }

    /// <summary>OpenDSS's time of day for hour-based controls: 0..24 h.</summary>
    private static double TimeOfDayHours(double nowS)
    {
        double h = nowS / 3600.0;
        double tod = h - 24.0 * Math.Floor(h / 24.0);
        return tod;
    }

    private Complex Voltage(ReadOnlySpan<Complex> v, int conductor)
    {
        int node = _monitored!.Nodes[conductor];
        return node >= 0 ? v[node] : Complex.Zero;
    }

    private Complex Current(ReadOnlySpan<Complex> v, int conductor)
    {
        var p = _monitored!;
        Complex sum = Complex.Zero;
        for (int j = 0; j < p.Order; j++)
            sum += p.Y[conductor, j] * Voltage(v, j);
        return sum;
    }

    private double ControlVoltage(ReadOnlySpan<Complex> v)
    {
        var c = Control;
        if (c.PtPhase < 0)
        {
            Span<double> m = stackalloc double[_phases];
            for (int i = 0; i < _phases; i++)
                m[i] = Voltage(v, _offset + i).Magnitude;
            return CombinePhases(c.PtPhase, m) / c.PtRatio;
        }
        int phase = Math.Min(c.PtPhase, _phases) - 1;
        if (Capacitor.IsDelta)
        {
            int next = (phase + 1) % _phases;
            return (Voltage(v, _offset + phase) - Voltage(v, _offset + next)).Magnitude / c.PtRatio;
        }
        return Voltage(v, _offset + phase).Magnitude / c.PtRatio;
    }

    private double ControlCurrent(ReadOnlySpan<Complex> v)
    {
        var c = Control;
        if (c.CtPhase < 0)
        {
            Span<double> m = stackalloc double[_phases];
            for (int i = 0; i < _phases; i++)
                m[i] = Current(v, _offset + i).Magnitude;
            return CombinePhases(c.CtPhase, m) / c.CtRatio;
        }
        int phase = Math.Min(c.CtPhase, _phases) - 1;
        return Current(v, _offset + phase).Magnitude / c.CtRatio;
    }

    /// <summary>The average, maximum or minimum of per-phase magnitudes, as a PTphase/CTphase setting selects.</summary>
    private static double CombinePhases(int mode, ReadOnlySpan<double> magnitudes)
    {
        double acc = mode switch
        {
            CapControlElement.MaxPhase => double.MinValue,
            CapControlElement.MinPhase => double.MaxValue,
            _ => 0.0,
        };
        foreach (double m in magnitudes)
        {
            acc = mode switch
            {
                CapControlElement.MaxPhase => Math.Max(acc, m),
                CapControlElement.MinPhase => Math.Min(acc, m),
                _ => acc + m / magnitudes.Length,
            };
        }
        return acc;
    }

    /// <summary>Complex power flowing into the monitored terminal (W + j var).</summary>
    private Complex TerminalPower(ReadOnlySpan<Complex> v)
    {
        var p = _monitored!;
        int terminals = p.Element is TransformerElement t ? t.Windings.Count : 2;
        int conductors = p.Order / terminals;
        Complex s = Complex.Zero;
        for (int i = 0; i < conductors; i++)
            s += Voltage(v, _offset + i) * Complex.Conjugate(Current(v, _offset + i));
        return s;
    }
}
