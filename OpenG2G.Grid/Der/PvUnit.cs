using OpenG2G.Grid.Model.Der;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Der;

/// <summary>
/// A PVSystem's output, OpenDSS's way: panel kW = Pmpp x irradiance x <see cref="DerUnit.ShapeFactor"/> x
/// (P-T curve at the temperature); the inverter turns off below %cutout and back on at %cutin of kVA
/// (of panel kW), delivers panel kW x efficiency (curve at panel kW / kVA) up to Pmpp x %Pmpp, and takes
/// reactive power from its pf or kvar within its kvar and kVA limits.
/// </summary>
public sealed class PvUnit : InverterUnit
{
    private readonly PvSystemElement _pv;

    public PvUnit(PvSystemElement element, DerConnection connection)
        : base(element, connection)
    {
        _pv = element;
        Reset();
    }

    /// <summary>DC power of the panels at the last dispatch, kW.</summary>
    public double PanelKw { get; private set; }

    /// <summary>Inverter efficiency at the last dispatch (1 without a curve).</summary>
    public double EfficiencyFactor { get; private set; } = 1.0;

    public double PmppKw => _pv.PmppKw;

    public override void Dispatch(DispatchContext context)
    {
        double temperatureFactor = _pv.PowerTemperatureCurve?.YAt(_pv.TemperatureC) ?? 1.0;
        PanelKw = _pv.Irradiance * ShapeFactor * _pv.PmppKw * temperatureFactor;
        var (kw, kvar) = InverterOutput();
        OutputKw = kw;
        OutputKvar = kvar;
    }

    /// <summary>
    /// The output (kW, kvar; generation positive) a dispatch at shape factor <paramref name="shapeFactor"/> would give
    /// now, leaving the unit's state as it was: what a forecast of the PV system's power at a later instant needs.
    /// </summary>
    public (double Kw, double Kvar) Preview(double shapeFactor)
    {
        var saved = (InverterOn, CurrentKvarLimit, CurrentKvarLimitNeg, PanelKw, EfficiencyFactor, ShapeFactor, OutputKw, OutputKvar);
        try
        {
            ShapeFactor = shapeFactor;
            Dispatch(default);
            return (OutputKw, OutputKvar);
        }
        finally
        {
            (InverterOn, CurrentKvarLimit, CurrentKvarLimitNeg, PanelKw, EfficiencyFactor, ShapeFactor, OutputKw, OutputKvar) = saved;
        }
    }

    private (double Kw, double Kvar) InverterOutput()
    {
        CurrentKvarLimit = KvarLimit;
        CurrentKvarLimitNeg = KvarLimitNeg;
        var curve = _pv.EfficiencyCurve;
        double kva = KvaRating;
        double cutInKw = _pv.CutInPercent * kva / 100.0;
        double cutOutKw = _pv.CutOutPercent * kva / 100.0;
        double cutOutKwAc = curve is null ? cutOutKw : cutOutKw * curve.YAt(Math.Abs(cutOutKw) / kva);
        double pminNoVars = _pv.PminNoVarsPercent <= 0 ? -1 : _pv.PminNoVarsPercent * _pv.PmppKw / 100.0;
        double pminKvarLimit = _pv.PminKvarMaxPercent <= 0 ? -1 : _pv.PminKvarMaxPercent * _pv.PmppKw / 100.0;
        InverterOn = InverterOn ? PanelKw >= cutOutKw : PanelKw >= cutInKw;
        EfficiencyFactor = 1.0;
        double kw = 0.0;
        if (InverterOn)
        {
            if (curve is not null)
                EfficiencyFactor = curve.YAt(PanelKw / kva);
            kw = Math.Min(PanelKw * EfficiencyFactor, _pv.PmppKw * _pv.PmppLimitPu);
        }
        double kvar;
        double tempPf = 0.0;
        if (Math.Abs(kw) < pminNoVars)
        {
            kvar = 0.0;
            CurrentKvarLimit = CurrentKvarLimitNeg = 0.0;
        }
        else if (!VarModeKvar)
        {
            (kw, kvar) = PfModeOutput(kw, pminNoVars, pminKvarLimit, cutOutKwAc);
        }
        else
        {
            (kw, kvar, tempPf) = KvarModeOutput(kw, OutputKvar, pminNoVars, pminKvarLimit, cutOutKwAc, strict: false);
        }
        if (!InverterOn && _pv.VarFollowInverter)
            kvar = 0.0;
        (kw, kvar) = KvaLimited(kw, kvar, tempPf);
        if (!InverterOn && _pv.VarFollowInverter)
            kvar = 0.0;
        return (kw, kvar);
    }
}
