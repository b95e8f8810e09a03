using OpenG2G.Grid.Model.Der;

namespace OpenG2G.Grid.Der;

/// <summary>The storage inverter and the energy update.</summary>
public sealed partial class StorageUnit
{
    protected override double KwSign(double kw) => Math.Sign(kw);

    /// <summary>OpenDSS's Storage ComputeInverterPower: cut-in/cut-out on the AC side, the kW limit, kvar and kVA limits.</summary>
    private (double Kw, double Kvar) InverterOutput(double kw)
    {
        var s = _storage;
        CurrentKvarLimit = KvarLimit;
        CurrentKvarLimitNeg = KvarLimitNeg;
        double cutInKw = s.CutInPercent * KvaRating / 100.0;
        double cutOutKw = s.CutOutPercent * KvaRating / 100.0;
        if (InverterOn && Math.Abs(kw) < cutOutKw)
            (InverterOn, State) = (false, StorageState.Idling);
        else if (!InverterOn && Math.Abs(kw) >= cutInKw)
            InverterOn = true;
        else if (!InverterOn)
            State = StorageState.Idling;
        if (InverterOn)
        {
            double limit = s.KwRated * s.KwRatedLimitPu * (State == StorageState.Discharging ? 1 : -1);
            if ((limit > 0 && kw > limit) || (limit < 0 && kw < limit))
                kw = limit;
        }
        else
        {
            kw = -IdlingKw;
        }
        double pminNoVars = s.PminNoVarsPercent <= 0 ? -1 : s.PminNoVarsPercent * s.KwRated / 100.0;
        double pminKvarLimit = s.PminKvarMaxPercent <= 0 ? -1 : s.PminKvarMaxPercent * s.KwRated / 100.0;
        double kvar;
        double tempPf = 0.0;
        if (State == StorageState.Idling)
        {
            kvar = VarModeKvar ? KvarRequested : kw * Math.Sqrt(1.0 / (s.PowerFactor * s.PowerFactor) - 1.0) * Math.Sign(s.PowerFactor);
            if (kvar > 0 && kvar > KvarLimit)
                kvar = KvarLimit;
            else if (kvar < 0 && -kvar > KvarLimitNeg)
                kvar = -KvarLimitNeg;
        }
        else if (Math.Abs(kw) < pminNoVars)
        {
            kvar = 0.0;
            CurrentKvarLimit = CurrentKvarLimitNeg = 0.0;
        }
        else if (!VarModeKvar)
        {
            (kw, kvar) = PfModeOutput(kw, pminNoVars, pminKvarLimit, cutOutKw);
        }
        else
        {
            (kw, kvar, tempPf) = KvarModeOutput(kw, OutputKvar, pminNoVars, pminKvarLimit, cutOutKw, strict: true);
        }
        if (!InverterOn && s.VarFollowInverter)
            kvar = 0.0;
        if (State == StorageState.Idling && Math.Sqrt(kw * kw + kvar * kvar) > KvaRating)
            kvar = Math.Sqrt(Math.Max(0.0, KvaRating * KvaRating - kw * kw)) * Math.Sign(kvar); // idling: real power first
        else
            (kw, kvar) = KvaLimited(kw, kvar, tempPf);
        return (kw, kvar);
    }

    /// <summary>
    /// Move energy over <paramref name="hours"/> at the terminal power drawn over that interval,
    /// <paramref name="terminalKw"/> (positive into the element), OpenDSS's UpdateStorage: Euler steps,
    /// idling moves none, and the reserve or full capacity clamps the energy and turns it to idling.
    /// </summary>
    public void Integrate(double hours, double terminalKw)
    {
        var s = _storage;
        double dcKw = Math.Abs(terminalKw);
        double chargeEff = s.ChargeEfficiencyPercent / 100.0;
        double dischargeEff = s.DischargeEfficiencyPercent / 100.0;
        if (State == StorageState.Discharging)
        {
            KwhStored -= (dcKw + IdlingKw) / dischargeEff * hours;
            if (KwhStored < s.KwhReserve)
                (KwhStored, State) = (s.KwhReserve, StorageState.Idling);
        }
        else if (State == StorageState.Charging)
        {
            double net = dcKw - IdlingKw;
            KwhStored += net >= 0 ? net * chargeEff * hours : net / dischargeEff * hours;
            if (net >= 0 && KwhStored > s.KwhRated)
                (KwhStored, State) = (s.KwhRated, StorageState.Idling);
            else if (net < 0 && KwhStored < s.KwhReserve)
                (KwhStored, State) = (s.KwhReserve, StorageState.Idling);
        }
    }
}
