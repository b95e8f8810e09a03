using System.Collections.Immutable;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model.Curves;

namespace OpenG2G.Grid.Model.Der;

/// <summary>
/// A smart-inverter control (OpenDSS InvControl) in volt-var mode: each PVSystem or Storage of
/// <see cref="DerNames"/> (every one in the circuit when empty) gets reactive power from
/// <see cref="VoltVarCurve"/> at its mean phase voltage in pu of its rated voltage, in pu of kvarMax
/// (<c>RefReactivePower=VARMAX</c>) or of the kvar left at the present kW (<c>VARAVAL</c>, default),
/// reached step by step as in OpenDSS (<c>deltaQ_factor</c>, or OpenDSS's adaptive factor when it is
/// not set) until voltage and var changes are within <c>VoltageChangeTolerance</c> and
/// <c>VarChangeTolerance</c>. Other modes, hysteresis, rolling averages and monitored buses are refused.
/// </summary>
public sealed class InvControlElement : DssElement
{
    private static readonly string[] Names =
    [
        "derlist", "mode", "combimode", "vvc_curve1", "hysteresis_offset", "voltage_curvex_ref", "avgwindowlen",
        "voltwatt_curve", "dbvmin", "dbvmax", "argralowv", "argrahiv", "dynreacavgwindowlen", "deltaq_factor",
        "voltagechangetolerance", "varchangetolerance", "voltwattyaxis", "rateofchangemode", "lpftau",
        "risefalllimit", "deltap_factor", "eventlog", "refreactivepower", "activepchangetolerance",
        "monvoltagecalc", "monbus", "monbusesvbase", "voltwattch_curve", "wattpf_curve", "wattvar_curve",
        "vv_refreactivepower", "pvsystemlist", "vsetpoint", "controlmodel", "basefreq", "enabled", "like",
    ];

    public InvControlElement(string name, SourceLocation definedAt)
        : base("InvControl", name, definedAt)
    {
    }

    /// <summary>Controlled elements as written, <c>PVSystem.name</c> or <c>Storage.name</c> (empty: all of them).</summary>
    public ImmutableArray<(string Class, string Name, SourceLocation At)> DerNames { get; private set; } = [];

    /// <summary>True once mode=VOLTVAR is written (OpenDSS starts with no mode, which does nothing).</summary>
    public bool VoltVar { get; private set; }

    public XyCurveElement? VoltVarCurve { get; private set; }

    /// <summary>Fixed step factor, or null for OpenDSS's adaptive factor (deltaQ_factor not set, -1).</summary>
    public double? DeltaQFactor { get; private set; }

    public double VoltageChangeTolerancePu { get; private set; } = 0.0001;
    public double VarChangeTolerancePu { get; private set; } = 0.025;

    /// <summary>True for RefReactivePower=VARMAX (Q in pu of kvarMax), false for VARAVAL (pu of the kvar available).</summary>
    public bool ReferenceVarMax { get; private set; }

    /// <summary>How the phase voltages combine: 0 mean (AVG), -1 MAX, -2 MIN, or a phase number.</summary>
    public int MonitoredPhase { get; private set; }

    internal override IReadOnlyList<string> PropertyNames => Names;

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "derlist" or "pvsystemlist":
                DerNames = DssValueReader.Strings(value).Select(n => SplitDer(n, property == "pvsystemlist", value)).ToImmutableArray();
                break;
            case "mode":
                string mode = value.Text.Trim().ToLowerInvariant();
                if (!mode.StartsWith("voltvar"))
                    throw new DssInputException(value.Location, $"{property}: InvControl mode '{value}' is not supported yet; expected VOLTVAR");
                VoltVar = true;
                break;
            case "vvc_curve1":
                VoltVarCurve = model.Find<XyCurveElement>(value.Text)
                    ?? throw new DssInputException(value.Location, $"{property}: XYCurve.{value.Text} is not defined (define it before the InvControls that use it)");
                break;
            case "deltaq_factor":
                double dq = DssValueReader.Double(value, property);
                DeltaQFactor = dq == -1.0 ? null : dq;
                break;
            case "voltagechangetolerance": VoltageChangeTolerancePu = DssValueReader.Double(value, property); break;
            case "varchangetolerance": VarChangeTolerancePu = DssValueReader.Double(value, property); break;
            case "refreactivepower" or "vv_refreactivepower":
                string r = value.Text.Trim().ToLowerInvariant();
                if (r is not ("varmax" or "varaval"))
                    throw new DssInputException(value.Location, $"{property}: expected VARAVAL or VARMAX, got '{value}'");
                ReferenceVarMax = r == "varmax";
                break;
            case "monvoltagecalc": MonitoredPhase = ParsePhase(value, property); break;
            default:
                SetRefused(property, value);
                break;
        }
    }

    /// <summary>Properties of modes this engine does not model: their defaults are accepted, anything else is refused.</summary>
    private static void SetRefused(string property, DssValue value)
    {
        string text = value.Text.Trim().ToLowerInvariant();
        bool harmless = property switch
        {
            "combimode" => text.Length == 0 || text == "none",
            "hysteresis_offset" => DssValueReader.Double(value, property) == 0,
            "voltage_curvex_ref" => text.StartsWith("rat"),
            "avgwindowlen" or "dynreacavgwindowlen" or "eventlog" or "basefreq" => true,
            "rateofchangemode" => text.StartsWith('i'),
            "controlmodel" => text is "0" or "linear",
            "monbus" => text.Length == 0,
            "voltwatt_curve" or "voltwattch_curve" or "wattpf_curve" or "wattvar_curve" or "dbvmin" or "dbvmax"
                or "argralowv" or "argrahiv" or "voltwattyaxis" or "lpftau" or "risefalllimit" or "deltap_factor"
                or "activepchangetolerance" or "monbusesvbase" or "vsetpoint" => true, // settings of other modes
            _ => throw new DssInputException(value.Location, $"{property}: not supported for InvControl"),
        };
        if (!harmless)
            throw new DssInputException(value.Location, $"{property}: '{value}' is not supported yet (volt-var with the rated voltage reference, no hysteresis, linear steps)");
    }

    private static (string, string, SourceLocation) SplitDer(string text, bool pvOnly, DssValue value)
    {
        int dot = text.IndexOf('.');
        string cls = pvOnly || dot < 0 ? "pvsystem" : text[..dot].ToLowerInvariant();
        string name = pvOnly || dot < 0 ? text : text[(dot + 1)..];
        if (cls is not ("pvsystem" or "storage"))
            throw new DssInputException(value.Location, $"derlist: '{text}' is not a PVSystem or Storage; write PVSystem.name or Storage.name");
        return (cls, name, value.Location);
    }

    private static int ParsePhase(DssValue value, string property)
    {
        string text = value.Text.Trim().ToLowerInvariant();
        if (text.StartsWith("av"))
            return 0;
        if (text.StartsWith("max"))
            return -1;
        if (text.StartsWith("min"))
            return -2;
        int phase = DssValueReader.PositiveInt(value, property);
        return phase;
    }
}
