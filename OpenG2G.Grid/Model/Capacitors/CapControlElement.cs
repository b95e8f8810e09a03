using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Capacitors;

/// <summary>
/// A capacitor control (OpenDSS CapControl): it watches terminal <c>terminal</c> of <c>element</c>
/// and switches <c>capacitor</c> one step ON when the measured quantity (<c>type</c>: current,
/// voltage, kvar, time or pf) passes <c>onsetting</c>, OFF when it passes <c>offsetting</c>, after
/// <c>delay</c> / <c>delayoff</c> seconds; with <c>voltoverride</c> a voltage outside
/// [<c>vmin</c>, <c>vmax</c>] (volts over the PT ratio) switches regardless. Defaults as OpenDSS:
/// current control, PT and CT ratios 60, ON 300, OFF 200, delays 15 s, dead time 300 s, Vmax 126,
/// Vmin 115, phase 1.
/// </summary>
public sealed class CapControlElement : DssElement
{
    /// <summary>Phase selector for the average, largest or smallest of all phases.</summary>
    public const int AveragePhases = -1, MaxPhase = -2, MinPhase = -3;

    private static readonly string[] Names =
    [
        "element", "terminal", "capacitor", "type", "ptratio", "ctratio", "onsetting", "offsetting", "delay",
        "voltoverride", "vmax", "vmin", "delayoff", "deadtime", "ctphase", "ptphase", "vbus", "eventlog",
        "usermodel", "userdata", "pctminkvar", "reset", "basefreq", "enabled", "like",
    ];

    private bool _pfOnSet, _pfOffSet;

    public CapControlElement(string name, SourceLocation definedAt)
        : base("CapControl", name, definedAt)
    {
    }

    /// <summary>Monitored element (a line, transformer, reactor or capacitor).</summary>
    public DssElement? Element { get; private set; }

    public int Terminal { get; private set; } = 1;
    public CapacitorElement? Capacitor { get; private set; }
    public CapControlType Type { get; private set; } = CapControlType.Current;
    public double PtRatio { get; private set; } = 60.0;
    public double CtRatio { get; private set; } = 60.0;
    public double OnSetting { get; private set; } = 300.0;
    public double OffSetting { get; private set; } = 200.0;
    public double OnDelayS { get; private set; } = 15.0;
    public double OffDelayS { get; private set; } = 15.0;
    public double DeadTimeS { get; private set; } = 300.0;
    public bool VoltOverride { get; private set; }
    public double VmaxVolts { get; private set; } = 126.0;
    public double VminVolts { get; private set; } = 115.0;
    public int CtPhase { get; private set; } = 1;
    public int PtPhase { get; private set; } = 1;
    public double PctMinKvar { get; private set; } = 50.0;

    /// <summary>PF thresholds on OpenDSS's 0..2 scale (leading above 1); defaults 0.95 and 1.05.</summary>
    public double PfOn => !_pfOnSet ? 0.95 : OnSetting < 0 ? 2.0 + OnSetting : OnSetting;

    public double PfOff => !_pfOffSet ? 1.05 : OffSetting < 0 ? 2.0 + OffSetting : OffSetting;

    internal override IReadOnlyList<string> PropertyNames => Names;

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "element":
                string[] parts = value.Text.Split('.', 2);
                if (parts.Length != 2)
                    throw new DssInputException(value.Location, $"{property}: expected Class.name (e.g. Line.L1), got '{value}'");
                Element = model.Find(parts[0], parts[1])
                    ?? throw new DssInputException(value.Location, $"{property}: {value.Text} is not defined (define it before its CapControl)");
                break;
            case "terminal": Terminal = DssValueReader.PositiveInt(value, property); break;
            case "capacitor":
                Capacitor = model.Find<CapacitorElement>(value.Text)
                    ?? throw new DssInputException(value.Location, $"{property}: Capacitor.{value.Text} is not defined (define it before its CapControl)");
                break;
            case "type":
                Type = value.Text.Trim().ToLowerInvariant() switch
                {
                    var t when t.StartsWith('c') => CapControlType.Current,
                    var t when t.StartsWith('v') => CapControlType.Voltage,
                    var t when t.StartsWith('k') => CapControlType.Kvar,
                    var t when t.StartsWith('t') => CapControlType.Time,
                    var t when t.StartsWith('p') => CapControlType.PowerFactor,
                    _ => throw new DssInputException(value.Location, $"{property}: expected current, voltage, kvar, time or pf, got '{value}'"),
                };
                if (Type == CapControlType.PowerFactor)
                    _pfOnSet = _pfOffSet = false;
                break;
            case "ptratio": PtRatio = Positive(value, property); break;
            case "ctratio": CtRatio = Positive(value, property); break;
            case "onsetting": OnSetting = DssValueReader.Double(value, property); _pfOnSet = true; break;
            case "offsetting": OffSetting = DssValueReader.Double(value, property); _pfOffSet = true; break;
            case "delay": OnDelayS = DssValueReader.Double(value, property); break;
            case "delayoff": OffDelayS = DssValueReader.Double(value, property); break;
            case "deadtime": DeadTimeS = DssValueReader.Double(value, property); break;
            case "voltoverride": VoltOverride = DssValueReader.YesNo(value, property); break;
            case "vmax": VmaxVolts = DssValueReader.Double(value, property); break;
            case "vmin": VminVolts = DssValueReader.Double(value, property); break;
            case "ctphase": CtPhase = Phase(value, property); break;
            case "ptphase": PtPhase = Phase(value, property); break;
            case "pctminkvar": PctMinKvar = DssValueReader.Double(value, property); break;
            case "vbus":
                throw new DssInputException(value.Location, $"{property}: a separate voltage-override bus is not supported yet");
            case "usermodel" or "userdata":
                if (value.Text.Length > 0 && !value.Text.Equals("none", StringComparison.OrdinalIgnoreCase))
                    throw new DssInputException(value.Location, $"{property}: user-written CapControl models (DLLs) are not supported");
                break;
            case "basefreq": Lines.LineElement.CheckBaseFrequency(value, property, model); break;
            case "eventlog" or "reset":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for CapControl yet");
        }
    }

    private static double Positive(DssValue value, string property)
    {
        double x = DssValueReader.Double(value, property);
        if (x <= 0)
            throw new DssInputException(value.Location, $"{property}: must be > 0, got '{value}'");
        return x;
    }

    private static int Phase(DssValue value, string property)
    {
        string t = value.Text.Trim().ToLowerInvariant();
        if (t.StartsWith("av", StringComparison.Ordinal))
            return AveragePhases;
        if (t.StartsWith("max", StringComparison.Ordinal))
            return MaxPhase;
        if (t.StartsWith("min", StringComparison.Ordinal))
            return MinPhase;
        return Math.Max(1, DssValueReader.Int(value, property));
    }
}
