using OpenG2G.Grid.Model.Der;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Der;

/// <summary>
/// The inverter state OpenDSS keeps on a PVSystem or Storage: on/off (cut-in/cut-out hysteresis),
/// the reactive power asked for (by <c>kvar=</c>, an InvControl or a command) and whether it is in
/// kvar or power-factor mode, and the present reactive limits an InvControl reads.
/// </summary>
public abstract class InverterUnit : DerUnit
{
    private readonly InverterElement _inverter;

    protected InverterUnit(InverterElement element, DerConnection connection)
        : base(element, connection)
    {
        _inverter = element;
    }

    public bool InverterOn { get; protected set; } = true;

    /// <summary>Reactive power asked for in kvar mode, kvar supplied.</summary>
    public double KvarRequested { get; set; }

    /// <summary>True in kvar mode (kvar= or an InvControl), false at a power factor.</summary>
    public bool VarModeKvar { get; set; }

    public double CurrentKvarLimit { get; protected set; }
    public double CurrentKvarLimitNeg { get; protected set; }

    public double KvaRating => _inverter.KvaRating;
    public double KvarLimit => _inverter.KvarLimit;
    public double KvarLimitNeg => _inverter.KvarLimitNeg;
    public bool WattPriority => _inverter.WattPriority;

    public override void Reset()
    {
        InverterOn = true;
        KvarRequested = _inverter.KvarRequested;
        VarModeKvar = _inverter.VarModeKvar;
    }

    /// <summary>
    /// Reactive power in kvar mode for <paramref name="kw"/>: the request within kvarMax/kvarMaxAbs (and the
    /// %PminkvarMax ramp); with PFPriority, kW backs off to keep the requested power factor.
    /// </summary>
    protected (double Kw, double Kvar, double TempPf) KvarModeOutput(double kw, double previousKvar, double pminNoVars, double pminKvarLimit, double cutOutKwAc, bool strict)
    {
        double q = KvarRequested;
        double kvar = previousKvar;
        double tempPf = 0.0;
        var e = _inverter;
        if (Math.Abs(kw) < pminKvarLimit)
        {
            if (Math.Abs(kw) >= Math.Max(pminNoVars, cutOutKwAc))
            {
                double ramp = 0.0;
                if (q > 0)
                    CurrentKvarLimit = ramp = e.KvarLimit / pminKvarLimit * Math.Abs(kw);
                else if (q < 0)
                    CurrentKvarLimitNeg = ramp = e.KvarLimitNeg / pminKvarLimit * Math.Abs(kw);
                kvar = Math.Abs(q) > ramp ? ramp * Math.Sign(q) : q;
            }
            return (kw, kvar, tempPf);
        }
        bool overPositive = strict ? q > 0 && Math.Abs(q) > e.KvarLimit : q > 0 && Math.Abs(q) >= e.KvarLimit;
        bool overNegative = strict ? q < 0 && Math.Abs(q) > e.KvarLimitNeg : q < 0 && Math.Abs(q) >= e.KvarLimitNeg;
        if (overPositive || overNegative)
        {
            kvar = q > 0 ? e.KvarLimit : -e.KvarLimitNeg;
            if (e.PfPriority && q != 0 && kw != 0)
            {
                tempPf = Math.Cos(Math.Atan(Math.Abs(q / kw)));
                kw = Math.Abs(kvar) * Math.Sqrt(1.0 / (1.0 - tempPf * tempPf) - 1.0) * Math.Sign(kw);
            }
            return (kw, kvar, tempPf);
        }
        return (kw, q, tempPf);
    }

    /// <summary>Power-factor mode: kvar = kW tan(acos pf), within kvarMax/kvarMaxAbs and the %PminkvarMax ramp.</summary>
    protected (double Kw, double Kvar) PfModeOutput(double kw, double pminNoVars, double pminKvarLimit, double cutOutKwAc)
    {
        var e = _inverter;
        double pf = e.PowerFactor;
        if (pf == 1.0)
            return (kw, 0.0);
        double kvar = kw * Math.Sqrt(1.0 / (pf * pf) - 1.0) * Math.Sign(pf);
        if (Math.Abs(kw) < pminKvarLimit)
        {
            if (Math.Abs(kw) >= Math.Max(pminNoVars, cutOutKwAc))
            {
                double ramp = kvar > 0 ? e.KvarLimit / pminKvarLimit * Math.Abs(kw) : kvar < 0 ? e.KvarLimitNeg / pminKvarLimit * Math.Abs(kw) : 0.0;
                if (kvar > 0) CurrentKvarLimit = ramp;
                if (kvar < 0) CurrentKvarLimitNeg = ramp;
                if (Math.Abs(kvar) > ramp)
                    kvar = ramp * Math.Sign(kw) * Math.Sign(pf);
            }
        }
        else if (Math.Abs(kvar) > e.KvarLimit || Math.Abs(kvar) > e.KvarLimitNeg)
        {
            kvar = (kvar > 0 ? e.KvarLimit : e.KvarLimitNeg) * Math.Sign(kw) * Math.Sign(pf);
            if (e.PfPriority)
                kw = kvar * Math.Sqrt(1.0 / (1.0 - pf * pf) - 1.0) * Math.Sign(pf);
        }
        return (kw, kvar);
    }

    /// <summary>Keep kW and kvar within the kVA rating: PFPriority holds the power factor, WattPriority backs off kvar, else kW backs off (OpenDSS's default).</summary>
    protected (double Kw, double Kvar) KvaLimited(double kw, double kvar, double tempPf)
    {
        var e = _inverter;
        double kva = e.KvaRating;
        if (Math.Sqrt(kw * kw + kvar * kvar) <= kva)
            return (kw, kvar);
        if (!VarModeKvar && e.PfPriority)
            return (kva * Math.Abs(e.PowerFactor) * KwSign(kw), kva * Math.Sqrt(1 - e.PowerFactor * e.PowerFactor) * KwSign(kw) * Math.Sign(e.PowerFactor));
        if (VarModeKvar && e.PfPriority)
        {
            kw = Math.Abs(kvar) == e.KvarLimit ? kva * Math.Abs(tempPf) * Math.Sign(kw) : kva * Math.Abs(Math.Cos(Math.Atan(KvarRequested / kw))) * Math.Sign(kw);
            return (kw, kva * Math.Abs(Math.Sin(Math.Acos(kw / kva))) * Math.Sign(KvarRequested));
        }
        if (e.WattPriority)
            return kw > kva ? (kva, 0.0) : (kw, Math.Sqrt(kva * kva - kw * kw) * Math.Sign(kvar));
        return (Math.Sqrt(kva * kva - kvar * kvar) * Math.Sign(kw), kvar);
    }

    /// <summary>PVSystem keeps the sign of the PF-priority kW positive; Storage follows kW's sign.</summary>
    protected virtual double KwSign(double kw) => 1.0;
}
