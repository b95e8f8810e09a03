using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model.Curves;

namespace OpenG2G.Grid.Model.Der;

/// <summary>
/// A photovoltaic system (OpenDSS PVSystem): panel power Pmpp x irradiance x (P-T curve at the
/// temperature, 1 without one) x the shape multiplier in a co-simulation, through an inverter
/// (efficiency curve, cut-in/cut-out, output limited to Pmpp x %Pmpp, reactive power and kVA limits).
/// Defaults as OpenDSS: 3 phases, 12.47 kV, Pmpp 500 kW, kVA 500, irradiance 1, 25 C, pf 1,
/// %cutin = %cutout = 20, vminpu 0.9, vmaxpu 1.1.
/// </summary>
public sealed class PvSystemElement : InverterElement
{
    private static readonly string[] Names =
    [
        "phases", "bus1", "kv", "irradiance", "pmpp", "%pmpp", "temperature", "pf", "conn", "kvar", "kva",
        "%cutin", "%cutout", "effcurve", "p-tcurve", "%r", "%x", "model", "vminpu", "vmaxpu", "balanced",
        "limitcurrent", "yearly", "daily", "duty", "tyearly", "tdaily", "tduty", "class", "usermodel", "userdata",
        "debugtrace", "varfollowinverter", "dutystart", "wattpriority", "pfpriority", "%pminnovars", "%pminkvarmax",
        "kvarmax", "kvarmaxabs", "kvdc", "kp", "pitol", "safevoltage", "safemode", "dynamiceq", "dynout",
        "controlmode", "amplimit", "amplimitgain", "spectrum", "basefreq", "enabled", "like",
    ];

    public PvSystemElement(string name, SourceLocation definedAt)
        : base("PVSystem", name, definedAt, kva: 500.0, cutInPercent: 20.0)
    {
    }

    /// <summary>Irradiance in kW/m^2 (pu of the 1 kW/m^2 at which Pmpp is rated); default 1.</summary>
    public double Irradiance { get; private set; } = 1.0;

    /// <summary>Panel power at maximum power point at 1 kW/m^2 and 25 C, kW; default 500.</summary>
    public double PmppKw { get; private set; } = 500.0;

    /// <summary>Output limit in pu of Pmpp (%Pmpp / 100); default 1.</summary>
    public double PmppLimitPu { get; private set; } = 1.0;

    public double TemperatureC { get; private set; } = 25.0;

    /// <summary>Pmpp factor (pu) against temperature (C), or null.</summary>
    public XyCurveElement? PowerTemperatureCurve { get; private set; }

    internal override IReadOnlyList<string> PropertyNames => Names;

    internal override void Set(string property, DssValue value, DssModel model)
    {
        if (TrySetCommon(property, value, model) || TrySetInverter(property, value, model))
            return;
        switch (property)
        {
            case "irradiance": Irradiance = DssValueReader.Double(value, property); break;
            case "pmpp": PmppKw = Positive(value, property); break;
            case "%pmpp": PmppLimitPu = DssValueReader.Double(value, property) / 100.0; break;
            case "temperature": TemperatureC = DssValueReader.Double(value, property); break;
            case "p-tcurve":
                PowerTemperatureCurve = value.Text.Length == 0 ? null : model.Find<XyCurveElement>(value.Text)
                    ?? throw new DssInputException(value.Location, $"{property}: XYCurve.{value.Text} is not defined (define it before the elements that use it)");
                break;
            case "tyearly" or "tdaily" or "tduty":
                if (value.Text.Length > 0 && !value.Text.Equals("none", StringComparison.OrdinalIgnoreCase))
                    throw new DssInputException(value.Location, $"{property}: temperature shapes are not supported; the temperature stays at temperature=");
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for PVSystem");
        }
    }

    /// <summary>Set by the scenario layer when the PV system is built in code.</summary>
    internal void SetPanel(double pmppKw, double irradiance)
    {
        PmppKw = pmppKw;
        Irradiance = irradiance;
    }
}
