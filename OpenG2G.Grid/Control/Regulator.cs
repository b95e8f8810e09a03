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
        int nc = np + 1;
        int w = c.Winding - 1;
        int phase = c.PtPhase - 1;
        int offset = w * nc;
        int a = offset + (np == 1 ? 0 : phase);
        int b = np == 1 ? offset + 1 : Transformer.Windings[w].IsDelta ? offset + TransformerPrimitive.Rotate(phase, TransformerPrimitive.DeltaDirection(Transformer), np) : offset + np;
        Complex vWinding = At(v, a) - At(v, b);
        Complex vControl = vWinding / c.PtRatio;
        if (c.RVolts != 0 || c.XVolts != 0)
        {
            // Current into the terminal; adding (R + jX) I_into equals subtracting the drop along the line.
            Complex current = Complex.Zero;
            for (int j = 0; j < Primitive.Order; j++)
                current += Primitive.Y[a, j] * At(v, j);
            vControl += new Complex(c.RVolts, c.XVolts) * (current / c.CtPrimaryAmps);
        }
        double vActual = vControl.Magnitude;
        LastControlVolts = vActual;
        if (Math.Abs(c.VregVolts - vActual) <= c.BandVolts / 2.0)
        {
            PendingTapChange = 0.0;
            return false;
        }
        double baseVolts = TransformerPrimitive.WindingBaseVolts(Transformer.Windings[w], np);
        double boost = (c.VregVolts - vActual) * c.PtRatio / baseVolts;
        double increment = TapIncrement;
        double pending = Math.Round(boost / increment, MidpointRounding.ToEven) * increment;
        if (c.TapWinding != c.Winding)
            pending = -pending;
        PendingTapChange = pending;
        if (pending == 0.0 || Armed)
            return false;
        bool possible = pending > 0 ? Tap < TapWinding.MaxTap : Tap > TapWinding.MinTap;
        if (possible)
            Armed = true;
        return possible;
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
