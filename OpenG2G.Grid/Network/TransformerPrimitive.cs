using System.Numerics;
using OpenG2G.Grid.Model.Transformers;

namespace OpenG2G.Grid.Network;

/// <summary>
/// Primitive admittance of a 2-winding transformer, following OpenDSS's construction: the
/// leakage admittance on a one-volt base (winding 1's kVA per phase), mapped to each winding's
/// turns voltage times its tap, the anti-float reactor (half on each terminal of a winding), and
/// the windings connected wye (phase to neutral conductor) or delta (phase to the next phase,
/// lagging on the high-voltage side by ANSI convention). Conductors: winding 1's phases and
/// neutral, then winding 2's.
/// </summary>
internal static class TransformerPrimitive
{
    public static Complex[,] Build(TransformerElement t, bool includeMagnetizing)
    {
        int np = t.Phases;
        int nc = np + 1;
        var w = t.Windings;
        double[] vbase = new double[2];
        for (int k = 0; k < 2; k++)
            vbase[k] = WindingBaseVolts(w[k], np);
        double vaPerPhase = w[0].Kva * 1000.0 / np;
        double zbase = 1.0 / vaPerPhase;
        Complex zb = new Complex(w[0].Rpu + w[1].Rpu, t.XhlPu) * zbase;
        Complex y = 1.0 / zb;

        // Terminal admittance (winding k: terminals 2k, 2k+1) on actual volts.
        var yterm = new Complex[4, 4];
        var ynl = new Complex[4, 4];
        for (int k = 0; k < 2; k++)
        {
            for (int m = 0; m < 2; m++)
            {
                Complex y1 = (k == m ? y : -y) / (vbase[k] * Tap(w[k]) * vbase[m] * Tap(w[m]));
                yterm[2 * k, 2 * m] += y1;
                yterm[2 * k + 1, 2 * m + 1] += y1;
                yterm[2 * k, 2 * m + 1] -= y1;
                yterm[2 * k + 1, 2 * m] -= y1;
            }
        }
        if (includeMagnetizing && (t.PctNoLoadLoss != 0 || t.PctImag != 0))
        {
            Complex ym = new Complex(t.PctNoLoadLoss / 100.0 / zbase, -t.PctImag / 100.0 / zbase) / (vbase[0] * Tap(w[0]) * vbase[0] * Tap(w[0]));
            ynl[0, 0] += ym;
            ynl[1, 1] += ym;
            ynl[0, 1] -= ym;
            ynl[1, 0] -= ym;
        }
        double[] yppm = new double[2];
        for (int k = 0; k < 2; k++)
        {
            yppm[k] = t.PpmFactor == 0 ? 0 : -t.PpmFactor / (vbase[k] * vbase[k] / vaPerPhase) / 2.0;
            yterm[2 * k, 2 * k] += new Complex(0, yppm[k]);
            yterm[2 * k + 1, 2 * k + 1] += new Complex(0, yppm[k]);
        }

        int direction = DeltaDirection(t);
        var prim = new Complex[2 * nc, 2 * nc];
        for (int phase = 0; phase < np; phase++)
        {
            var refs = new int[4];
            for (int k = 0; k < 2; k++)
            {
                int offset = k * nc;
                if (np == 1)
                {
                    refs[2 * k] = offset;
                    refs[2 * k + 1] = offset + 1;
                }
                else if (!w[k].IsDelta)
                {
                    refs[2 * k] = offset + phase;
                    refs[2 * k + 1] = offset + np;
                }
                else
                {
                    refs[2 * k] = offset + phase;
                    refs[2 * k + 1] = offset + Rotate(phase, direction, np);
                }
            }
            for (int a = 0; a < 4; a++)
                for (int b = 0; b < 4; b++)
                    prim[refs[a], refs[b]] += yterm[a, b] + ynl[a, b];
        }

        // Neutral of wye windings: grounded through Rneut/Xneut, or open with the anti-float reactor.
        for (int k = 0; k < 2; k++)
        {
            if (w[k].IsDelta)
                continue;
            int neutral = k * nc + np;
            if (w[k].RneutOhm >= 0)
            {
                prim[neutral, neutral] += w[k].RneutOhm == 0 && w[k].XneutOhm == 0
                    ? new Complex(1e6, 0)
                    : 1.0 / new Complex(w[k].RneutOhm, w[k].XneutOhm);
            }
            else if (t.PpmFactor != 0)
            {
                prim[neutral, neutral] += new Complex(0, yppm[k]);
            }
        }
        return prim;
    }

    /// <summary>Turns voltage of a winding in volts: line-to-neutral for wye 2-/3-phase windings, else the rating.</summary>
    public static double WindingBaseVolts(Winding w, int phases) =>
        !w.IsDelta && phases is 2 or 3 ? w.KvLineToLine * 1000.0 / Math.Sqrt(3.0) : w.KvLineToLine * 1000.0;

    private static double Tap(Winding w) => w.Tap == 0.0 ? 0.0001 : w.Tap;

    internal static int DeltaDirection(TransformerElement t)
    {
        var w = t.Windings;
        if (w[0].IsDelta == w[1].IsDelta)
            return 1;
        var high = w[0].KvLineToLine >= w[1].KvLineToLine ? w[0] : w[1];
        return high.IsDelta ? -1 : 1;
    }

    internal static int Rotate(int phase, int direction, int phases)
    {
        int next = phase + direction;
        if (phases > 2)
            return (next + phases) % phases;
        return next < 0 ? 2 : next;
    }
}
