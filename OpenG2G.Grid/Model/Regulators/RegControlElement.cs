using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model.Transformers;

namespace OpenG2G.Grid.Model.Regulators;

/// <summary>
/// A voltage regulator control (OpenDSS RegControl) acting on one winding of a transformer:
/// regulated voltage <c>vreg</c> and bandwidth <c>band</c> in volts on the PT secondary
/// (<c>ptratio</c>), line-drop compensation R/X in volts at CT primary rating <c>ctprim</c> amperes,
/// time delay and tap delay in seconds, at most <c>maxtapchange</c> steps per control action.
/// Defaults as OpenDSS: 120 V, 3 V band, PT 60, CT 300 A, delay 15 s, tap delay 2 s, 16 steps.
/// </summary>
public sealed class RegControlElement : DssElement
{
    private static readonly string[] Names =
    [
        "transformer", "winding", "vreg", "band", "ptratio", "ctprim", "r", "x", "bus", "delay", "reversible",
        "revvreg", "revband", "revr", "revx", "tapdelay", "debugtrace", "maxtapchange", "inversetime",
        "tapwinding", "vlimit", "ptphase", "revthreshold", "revdelay", "revneutral", "eventlog",
        "remoteptratio", "tapnum", "reset", "ldc_z", "rev_z", "cogen", "basefreq", "enabled", "like",
    ];

    private const string Regulated = "the regulated voltage (volts on the PT secondary)";
    private const string Band = "the bandwidth (volts on the PT secondary)";
    private const string NeverSettles = "OpenDSS would accept it, and the regulator would run its taps to a limit and never settle";

    private int? _tapWinding;

    public RegControlElement(string name, SourceLocation definedAt)
        : base("RegControl", name, definedAt)
    {
    }

    public TransformerElement? Transformer { get; private set; }
    public SourceLocation TransformerLocation { get; private set; }

    /// <summary>Monitored winding (1-based; default 1).</summary>
    public int Winding { get; private set; } = 1;

    /// <summary>Winding whose tap moves (1-based; defaults to <see cref="Winding"/>).</summary>
    public int TapWinding => _tapWinding ?? Winding;

    public double VregVolts { get; private set; } = 120.0;
    public double BandVolts { get; private set; } = 3.0;
    public double PtRatio { get; private set; } = 60.0;
    public double CtPrimaryAmps { get; private set; } = 300.0;
    public double RVolts { get; private set; }
    public double XVolts { get; private set; }
    public double DelayS { get; private set; } = 15.0;
    public double TapDelayS { get; private set; } = 2.0;
    public int MaxTapChange { get; private set; } = 16;

    /// <summary>Phase-selector values for the largest or smallest phase voltage.</summary>
    public const int MaxPhase = -2, MinPhase = -3;

    /// <summary>Phase whose voltage is regulated (1-based), or <see cref="MaxPhase"/>/<see cref="MinPhase"/>.</summary>
    public int PtPhase { get; private set; } = 1;

    /// <summary>
    /// Reversible: when real power flows backwards through the regulator (more than
    /// <see cref="ReverseThresholdKw"/> out of winding 1), it regulates winding 1's side with the reverse
    /// settings. Defaults as OpenDSS: no; 120 V, 3 V band, R = X = 0, 100 kW. The reverse delay is not modelled.
    /// </summary>
    public bool Reversible { get; private set; }

    public double ReverseVregVolts { get; private set; } = 120.0;
    public double ReverseBandVolts { get; private set; } = 3.0;
    public double ReverseRVolts { get; private set; }
    public double ReverseXVolts { get; private set; }
    public double ReverseThresholdKw { get; private set; } = 100.0;

    internal override IReadOnlyList<string> PropertyNames => Names;

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "transformer":
                Transformer = model.Find<TransformerElement>(value.Text)
                    ?? throw new DssInputException(value.Location, $"transformer: Transformer.{value.Text} is not defined (define it before its RegControl)");
                TransformerLocation = value.Location;
                break;
            case "winding": Winding = DssValueReader.PositiveInt(value, property); break;
            case "tapwinding": _tapWinding = DssValueReader.PositiveInt(value, property); break;
            case "vreg": VregVolts = DssValueReader.Positive(value, property, Regulated, NeverSettles); break;
            case "band": BandVolts = DssValueReader.Positive(value, property, Band, NeverSettles); break;
            case "ptratio": PtRatio = DssValueReader.Positive(value, property, "the PT ratio (volts per volt on the PT secondary)"); break;
            case "ctprim": CtPrimaryAmps = DssValueReader.Positive(value, property, "the CT primary rating in amperes"); break;
            case "r": RVolts = DssValueReader.Double(value, property); break;
            case "x": XVolts = DssValueReader.Double(value, property); break;
            case "delay": DelayS = DssValueReader.NonNegative(value, property, "a time delay in seconds"); break;
            case "tapdelay": TapDelayS = DssValueReader.NonNegative(value, property, "a time delay in seconds"); break;
            case "maxtapchange": MaxTapChange = DssValueReader.Int(value, property); break;
            case "ptphase":
                string pt = value.Text.Trim().ToLowerInvariant();
                if (pt == "max")
                    PtPhase = MaxPhase;
                else if (pt == "min")
                    PtPhase = MinPhase;
                else if (int.TryParse(pt, out int phase) && phase >= 1)
                    PtPhase = phase;
                else
                    throw new DssInputException(value.Location, $"{property}: expected a phase number, MAX or MIN, got '{value}'");
                break;
            case "bus":
                throw new DssInputException(value.Location, $"{property}: remote regulated buses are not supported yet");
            case "reversible": Reversible = DssValueReader.YesNo(value, property); break;
            case "revvreg": ReverseVregVolts = DssValueReader.Positive(value, property, Regulated, NeverSettles); break;
            case "revband": ReverseBandVolts = DssValueReader.Positive(value, property, Band, NeverSettles); break;
            case "revr": ReverseRVolts = DssValueReader.Double(value, property); break;
            case "revx": ReverseXVolts = DssValueReader.Double(value, property); break;
            case "revthreshold": ReverseThresholdKw = DssValueReader.Double(value, property); break;
            case "vlimit" when DssValueReader.Double(value, property) > 0:
                throw new DssInputException(value.Location, $"{property}: voltage limits are not supported yet");
            case "inversetime" when DssValueReader.YesNo(value, property):
                throw new DssInputException(value.Location, $"{property}: inverse-time delays are not supported yet");
            case "vlimit" or "inversetime" or "debugtrace" or "revdelay" or "revneutral" or "eventlog" or "remoteptratio" or "ldc_z" or "rev_z"
                or "cogen" or "basefreq" or "reset":
                break;
            case "tapnum":
                throw new DssInputException(value.Location, $"{property}: set the transformer's tap instead (Edit Transformer.x wdg=2 tap=...)");
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for RegControl yet");
        }
    }
}
