using System.Numerics;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Solver;

/// <summary>
/// The current of a ZIP (model 8) load phase, OpenDSS's way. ZIPV = [Zp, Ip, Pp, Zq, Iq, Pq, Vcutoff]:
/// the real part of the current is split into constant-impedance, constant-current and constant-power
/// shares Zp, Ip, Pp, the reactive part into Zq, Iq, Pq. Between vminpu and vmaxpu each share follows
/// its law; below vminpu the I and P shares take the admittances that interpolate linearly between
/// the nominal admittance's current at vlowpu and the share's current at vminpu (OpenDSS's Y95
/// interpolation), above vmaxpu the admittances that match the shares at vmaxpu; below vlowpu the whole
/// load is its nominal admittance. A positive Vcutoff (pu) multiplies the current by a steep logistic
/// step, 0.5 (1 + tanh(500 (|V|/Vbase - Vcutoff))), so the load drops out below it.
/// </summary>
internal static class ZipCurrent
{
    public static Complex At(in LoadBranch b, Complex v, double vmag, Complex yeq)
    {
        double[] z = b.Zipv!;
        double vb = b.BaseVolts;
        double vlow = b.VlowPu * vb;
        if (vmag <= vlow)
            return yeq * v;
        double v95 = b.VminPu * vb;
        double v105 = b.VmaxPu * vb;
        Complex zShare = new(yeq.Real * z[0], yeq.Imaginary * z[3]);
        Complex current;
        if (vmag <= v95)
        {
            Complex y95 = b.VminPu != 0 ? yeq / (b.VminPu * b.VminPu) : Complex.Zero;
            Complex iLow = yeq * vlow;
            Complex powerY = (iLow + (y95 * v95 - iLow) / (v95 - vlow) * (vmag - vlow)) / vmag;
            Complex currentY = (iLow + (yeq * vb - iLow) / (v95 - vlow) * (vmag - vlow)) / vmag;
            current = (zShare + Split(powerY, z[2], z[5]) + Split(currentY, z[1], z[4])) * v;
        }
        else if (vmag > v105)
        {
            Complex y105 = b.VmaxPu != 0 ? yeq / (b.VmaxPu * b.VmaxPu) : yeq;
            Complex y105I = b.VmaxPu != 0 ? yeq / b.VmaxPu : yeq;
            current = (zShare + Split(y105, z[2], z[5]) + Split(y105I, z[1], z[4])) * v;
        }
        else
        {
            Complex constantI = Complex.Conjugate(new Complex(b.Watts * z[1], b.Vars * z[4]) / (v / vmag * vb));
            Complex constantP = Complex.Conjugate(new Complex(b.Watts * z[2], b.Vars * z[5]) / v);
            current = zShare * v + constantI + constantP;
        }
        if (z[6] > 0.0)
        {
            double vx = 500.0 * (vmag / vb - z[6]);
            if (vx < 20)
            {
                double e = Math.Exp(2 * vx);
                current *= 0.5 * (1 + (e - 1) / (e + 1));
            }
        }
        return current;
    }

    private static Complex Split(Complex y, double realShare, double imaginaryShare) =>
        new(y.Real * realShare, y.Imaginary * imaginaryShare);
}
