using System.Numerics;
using OpenG2G.Grid.Model.Loads;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Solver;

/// <summary>
/// The current one load phase draws at voltage <c>v</c> across it, with OpenDSS's semantics: the
/// model's law inside [vminpu, vmaxpu]; above vmaxpu the admittance that gives nominal power at
/// vmaxpu; between vlowpu and vminpu a current interpolated linearly in |V| between the nominal
/// admittance's current at vlowpu and the model's current at vminpu; below vlowpu the nominal
/// admittance.
/// </summary>
internal static class LoadCurrent
{
    public static Complex At(in LoadBranch b, Complex v)
    {
        // sqrt(re^2 + im^2) rather than Complex.Magnitude's overflow-safe hypot: node voltages are far
        // from overflow, and this runs for every load phase in every iteration.
        double vmag = Math.Sqrt(v.Real * v.Real + v.Imaginary * v.Imaginary);
        double vb = b.BaseVolts;
        Complex yeq = new Complex(b.Watts, -b.Vars) / (vb * vb);
        if (b.Der != DerLaw.None)
            return DerCurrent(b, v, vmag, yeq);
        if (b.Model == LoadModel.ConstantZ)
            return yeq * v;
        if (b.Model == LoadModel.Zipv)
            return ZipCurrent.At(b, v, vmag, yeq);
        double vlow = b.VlowPu * vb;
        double v95 = b.VminPu * vb;
        double v105 = b.VmaxPu * vb;
        if (vmag <= vlow)
            return yeq * v;
        bool constantI = b.Model == LoadModel.ConstantI;
        if (vmag <= v95)
        {
            Complex iLow = yeq * vlow;
            Complex atMin = constantI
                ? yeq * vb
                : (b.VminPu != 0 ? yeq / (b.VminPu * b.VminPu) : Complex.Zero) * v95;
            Complex slope = (atMin - iLow) / (v95 - vlow);
            return (iLow + slope * (vmag - vlow)) / vmag * v;
        }
        if (vmag > v105)
        {
            Complex y105 = b.VmaxPu == 0 ? yeq : constantI ? yeq / b.VmaxPu : yeq / (b.VmaxPu * b.VmaxPu);
            return y105 * v;
        }
        switch (b.Model)
        {
            case LoadModel.ConstantPq:
                // conj(S / V) = conj(S) V / |V|^2, without a complex division.
                return new Complex(b.Watts, -b.Vars) * v / (vmag * vmag);
            case LoadModel.Motor:
                return Complex.Conjugate(new Complex(b.Watts, 0) / v) + new Complex(0, yeq.Imaginary) * v;
            case LoadModel.ConstantI:
                return Complex.Conjugate(new Complex(b.Watts, b.Vars) / (v / vmag * vb));
            default:
                return CvrCurrent(b, v, vmag, yeq);
        }
    }

    /// <summary>PVSystem, Storage and Generator phases: constant PQ, impedances matched at vminpu/vmaxpu outside.</summary>
    private static Complex DerCurrent(in LoadBranch b, Complex v, double vmag, Complex yeq)
    {
        if (b.Der == DerLaw.ConstantPq)
        {
            if (vmag <= b.VminPu * b.BaseVolts)
                return (b.VminPu != 0 ? yeq / (b.VminPu * b.VminPu) : yeq) * v;
            if (vmag > b.VmaxPu * b.BaseVolts)
                return (b.VmaxPu != 0 ? yeq / (b.VmaxPu * b.VmaxPu) : yeq) * v;
        }
        return vmag > 0 ? new Complex(b.Watts, -b.Vars) * v / (vmag * vmag) : Complex.Zero;
    }

    private static Complex CvrCurrent(in LoadBranch b, Complex v, double vmag, Complex yeq)
    {
        double ratio = vmag / b.BaseVolts;
        double wattFactor = b.CvrWatts != 1.0 ? Math.Pow(ratio, b.CvrWatts) : ratio;
        Complex current = wattFactor > 0 ? Complex.Conjugate(new Complex(b.Watts * wattFactor, 0) / v) : Complex.Zero;
        if (vmag == 0)
            return current;
        Complex cvar = b.CvrVars == 2.0
            ? new Complex(0, yeq.Imaginary) * v
            : Complex.Conjugate(new Complex(0, b.Vars * (b.CvrVars == 3.0 ? ratio * ratio * ratio : Math.Pow(ratio, b.CvrVars))) / v);
        return current + cvar;
    }
}
