using System.Numerics;
using OpenG2G.Grid.Model.Regulators;
using OpenG2G.Grid.Model.Transformers;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Control;

/// <summary>
/// A RegControl bound to its transformer's primitive: samples the regulated voltage (winding
/// voltage over the PT ratio, with line-drop compensation) and decides tap moves with OpenDSS's
/// RegControl semantics.
/// </summary>
public sealed class Regulator
{
    internal Regulator(RegControlElement control, Primitive primitive)
    {
        Control = control;
        Transformer = control.Transformer!;
        Primitive = primitive;
    }

    public RegControlElement Control { get; }
    public TransformerElement Transformer { get; }
    internal Primitive Primitive { get; }

    public string Name => Control.Key;

    /// <summary>The winding whose tap moves.</summary>
    public Winding TapWinding => Transformer.Windings[Control.TapWinding - 1];

    public double Tap => TapWinding.Tap;

    public double TapIncrement => TapWinding.TapIncrement;

    /// <summary>Tap position in steps from 1.0 (OpenDSS rounds (tap - 1) / increment).</summary>
    public int TapStep => TapIncrement > 0 ? (int)Math.Round((Tap - 1.0) / TapIncrement) : 0;

    /// <summary>Tap change (per unit) the last sample asked for; 0 when in band.</summary>
    public double PendingTapChange { get; private set; }

    /// <summary>True while a tap change is queued.</summary>
    public bool Armed { get; internal set; }

    /// <summary>Regulated voltage in volts on the PT secondary at the last sample.</summary>
    public double LastControlVolts { get; private set; }

    /// <summary>
    /// Sample at node voltages <paramref name="v"/>: update <see cref="PendingTapChange"/>; returns true when
    /// the regulator newly arms (a tap change is needed and possible in that direction).
    /// </summary>
    public bool Sample(ReadOnlySpan<Complex> v)
    {
        var c = Control;
        int np = Transformer.Phases;
        int w = c.Winding - 1;
        bool reverse = c.Reversible && PowerIntoWindingOneKw(v) < -c.ReverseThresholdKw;
        InReverse = reverse;
        if (reverse)
            w = 1 - w; // regulate the other side of a 2-winding regulator
        double vreg = reverse ? c.ReverseVregVolts : c.VregVolts;
        double band = reverse ? c.ReverseBandVolts : c.BandVolts;
        Complex ldc = reverse ? new Complex(c.ReverseRVolts, c.ReverseXVolts) : new Complex(c.RVolts, c.XVolts);
        int phase = c.PtPhase - 1;
        if (c.PtPhase < 0)
        {
            // MAX or MIN: the phase whose winding voltage is largest (smallest).
            double best = c.PtPhase == RegControlElement.MaxPhase ? double.MinValue : double.MaxValue;
            for (int p = 0; p < np; p++)
            {
                double m = WindingVoltage(v, w, p).Magnitude;
                if (c.PtPhase == RegControlElement.MaxPhase ? m > best : m < best)
                    (best, phase) = (m, p);
            }
        }
        int offset = w * (np + 1);
        int a = offset + (np == 1 ? 0 : phase);
        Complex vControl = WindingVoltage(v, w, phase) / c.PtRatio;
        if (ldc != Complex.Zero)
        {
            // Current into the terminal; adding (R + jX) I_into equals subtracting the drop along the line.
            Complex current = Complex.Zero;
            for (int j = 0; j < Primitive.Order; j++)
                current += Primitive.Y[a, j] * At(v, j);
            vControl += ldc * (current / c.CtPrimaryAmps);
        }
        double vActual = vControl.Magnitude;
        LastControlVolts = vActual;
        InBand = Math.Abs(vreg - vActual) <= band / 2.0;
        if (InBand)
        {
            PendingTapChange = 0.0;
            return false;
        }
        double baseVolts = TransformerPrimitive.WindingBaseVolts(Transformer.Windings[w], np);
        double boost = (vreg - vActual) * c.PtRatio / baseVolts;
        double increment = TapIncrement;
        double pending = Math.Round(boost / increment, MidpointRounding.ToEven) * increment;
        // Raising the tap of the other winding lowers this side's voltage.
        if (c.TapWinding - 1 != w)
            pending = -pending;
        PendingTapChange = pending;
        if (pending == 0.0 || Armed)
            return false;
        bool possible = pending > 0 ? Tap < TapWinding.MaxTap : Tap > TapWinding.MinTap;
        if (possible)
            Armed = true;
        return possible;
    }

    /// <summary>True when the last sample found the regulated voltage within band (OpenDSS then withdraws a queued tap change).</summary>
    public bool InBand { get; private set; }

    /// <summary>True when the last sample found reverse power and used the reverse settings.</summary>
    public bool InReverse { get; private set; }

    private Complex WindingVoltage(ReadOnlySpan<Complex> v, int winding, int phase)
    {
        int np = Transformer.Phases;
        int offset = winding * (np + 1);
        int a = offset + (np == 1 ? 0 : phase);
        int b = np == 1 ? offset + 1 : Transformer.Windings[winding].IsDelta ? offset + TransformerPrimitive.Rotate(phase, TransformerPrimitive.DeltaDirection(Transformer), np) : offset + np;
        return At(v, a) - At(v, b);
    }

    /// <summary>Real power flowing into the transformer at winding 1 (kW).</summary>
    private double PowerIntoWindingOneKw(ReadOnlySpan<Complex> v)
    {
        int nc = Transformer.Phases + 1;
        Complex s = Complex.Zero;
        for (int i = 0; i < nc; i++)
        {
            Complex current = Complex.Zero;
            for (int j = 0; j < Primitive.Order; j++)
                current += Primitive.Y[i, j] * At(v, j);
            s += At(v, i) * Complex.Conjugate(current);
        }
        return s.Real / 1000.0;
    }

    /// <summary>OpenDSS's static-mode action: 70 % of the way, at least one step, at most maxtapchange steps.</summary>
    internal double StaticTapChange()
    {
        double increment = TapIncrement;
        int steps = (int)Math.Truncate(0.7 * Math.Abs(PendingTapChange) / increment);
        if (steps == 0)
            steps = 1;
        steps = Math.Min(steps, Control.MaxTapChange);
        return PendingTapChange > 0 ? steps * increment : -steps * increment;
    }

    /// <summary>Reduce the pending change by one step after a timed move (OpenDSS: zero when under 0.9 step).</summary>
    internal void ConsumeStep()
    {
        PendingTapChange -= OneStep();
        if (Math.Abs(PendingTapChange) < 0.9 * TapIncrement)
            PendingTapChange = 0.0;
    }

    /// <summary>One step towards the pending change (timed mode).</summary>
    internal double OneStep() => PendingTapChange > 0 ? TapIncrement : -TapIncrement;

    private Complex At(ReadOnlySpan<Complex> v, int conductor)
    {
        int node = Primitive.Nodes[conductor];
        return node >= 0 ? v[node] : Complex.Zero;
    }
}
