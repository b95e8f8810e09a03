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
        int nw = w.Count;
        double[] scale = new double[nw];
        for (int k = 0; k < nw; k++)
            scale[k] = 1.0 / (WindingBaseVolts(w[k], np) * Tap(w[k]));
        double vaPerPhase = w[0].Kva * 1000.0 / np;
        double zbase = 1.0 / vaPerPhase;
        var y1 = OneVoltAdmittance(t, zbase);

        // Terminal admittance (winding k: terminals 2k, 2k+1) on actual volts.
        var yterm = new Complex[2 * nw, 2 * nw];
        for (int k = 0; k < nw; k++)
        {
            for (int m = 0; m < nw; m++)
            {
                Complex v = y1[k, m] * (scale[k] * scale[m]);
                yterm[2 * k, 2 * m] += v;
                yterm[2 * k + 1, 2 * m + 1] += v;
                yterm[2 * k, 2 * m + 1] -= v;
                yterm[2 * k + 1, 2 * m] -= v;
            }
        }
        if (includeMagnetizing && (t.PctNoLoadLoss != 0 || t.PctImag != 0))
        {
            // OpenDSS puts the core branch across winding 2 (taken to be nearest the core).
            Complex ym = new Complex(t.PctNoLoadLoss / 100.0 / zbase, -t.PctImag / 100.0 / zbase) * (scale[1] * scale[1]);
            yterm[2, 2] += ym;
            yterm[3, 3] += ym;
            yterm[2, 3] -= ym;
            yterm[3, 2] -= ym;
        }
        double[] yppm = new double[nw];
        for (int k = 0; k < nw; k++)
        {
            double vb = WindingBaseVolts(w[k], np);
            yppm[k] = t.PpmFactor == 0 ? 0 : -t.PpmFactor / (vb * vb / vaPerPhase) / 2.0;
            yterm[2 * k, 2 * k] += new Complex(0, yppm[k]);
            yterm[2 * k + 1, 2 * k + 1] += new Complex(0, yppm[k]);
        }

        int direction = DeltaDirection(t);
        var prim = new Complex[nw * nc, nw * nc];
        var refs = new int[2 * nw];
        for (int phase = 0; phase < np; phase++)
        {
            for (int k = 0; k < nw; k++)
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
            for (int a = 0; a < 2 * nw; a++)
                for (int b = 0; b < 2 * nw; b++)
                    prim[refs[a], refs[b]] += yterm[a, b];
        }

        // Neutral of wye windings: grounded through Rneut/Xneut, or open with the anti-float reactor.
        for (int k = 0; k < nw; k++)
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

    /// <summary>
    /// One phase's winding admittance on a one-volt base (windings x windings): the short-circuit
    /// impedances between winding 1 and each other winding form ZB, mutual terms from the other pairs,
    /// inverted and expanded with winding 1 as the reference.
    /// </summary>
    private static Complex[,] OneVoltAdmittance(TransformerElement t, double zbase)
    {
        var w = t.Windings;
        int nw = w.Count;
        double[] xsc = t.ShortCircuitReactancesPu();
        var zb = new Complex[nw - 1, nw - 1];
        for (int i = 0; i < nw - 1; i++)
            zb[i, i] = new Complex(w[0].Rpu + w[i + 1].Rpu, xsc[i]) * zbase;
        int pair = nw - 1;
        for (int i = 0; i < nw - 1; i++)
        {
            for (int j = i + 1; j < nw - 1; j++)
            {
                Complex zij = new Complex(w[i + 1].Rpu + w[j + 1].Rpu, xsc[pair++]) * zbase;
                zb[i, j] = zb[j, i] = 0.5 * (zb[i, i] + zb[j, j] - zij);
            }
        }
        var yb = SmallMatrix.Invert(zb) ?? throw new InvalidOperationException($"{t.FullName}: the winding impedances are singular");
        var y1 = new Complex[nw, nw];
        for (int i = 0; i < nw - 1; i++)
        {
            for (int j = 0; j < nw - 1; j++)
            {
                y1[i + 1, j + 1] = yb[i, j];
                y1[0, j + 1] -= yb[i, j];
                y1[i + 1, 0] -= yb[i, j];
                y1[0, 0] += yb[i, j];
            }
        }
        return y1;
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
