using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Loads;

/// <summary>
/// A load (OpenDSS Load): kW with kvar or power factor at rated kV (line-to-line for 2- and 3-phase,
/// across the load for 1-phase), wye or delta, a voltage model, and OpenDSS's low/high-voltage
/// behaviour: outside [vminpu, vmaxpu] the load becomes an impedance matched at the limit, and
/// below vlowpu its nominal impedance. Defaults as OpenDSS: 3 phases, 12.47 kV, 10 kW, pf 0.88,
/// model 1, wye, vminpu 0.95, vmaxpu 1.05, vlowpu 0.5. How kW and kvar follow from the properties
/// written (kW with pf or kvar, kVA with pf, xfkVA x AllocationFactor, kWh) is OpenDSS's, order
/// included: see <see cref="LoadPowerSpec"/>.
/// </summary>
public sealed class LoadElement : DssElement
{
    private static readonly string[] Names =
    [
        "phases", "bus1", "kv", "kw", "pf", "model", "yearly", "daily", "duty", "growth", "conn", "kvar",
        "rneut", "xneut", "status", "class", "vminpu", "vmaxpu", "vminnorm", "vminemerg", "xfkva",
        "allocationfactor", "kva", "%mean", "%stddev", "cvrwatts", "cvrvars", "kwh", "kwhdays", "cfactor",
        "cvrcurve", "numcust", "zipv", "%seriesrl", "relweight", "vlowpu", "puxharm", "xrharm", "spectrum",
        "basefreq", "enabled", "like",
    ];

    private LoadPowerSpec _power = new();

    public LoadElement(string name, SourceLocation definedAt)
        : base("Load", name, definedAt)
    {
    }

    public int Phases { get; internal set; } = 3;
    public BusSpec? Bus1 { get; internal set; }
    public double Kv { get; internal set; } = 12.47;

    /// <summary>Real power in kW as OpenDSS resolved it from the properties written (at the end of the last edit).</summary>
    public double Kw => _power.Kw;

    /// <summary>Reactive power in kvar as OpenDSS resolved it (at the end of the last edit).</summary>
    public double Kvar => _power.Kvar;

    /// <summary>Power factor in force (negative supplies vars).</summary>
    public double PowerFactor => _power.PowerFactor;

    /// <summary>Real power in kW (same as <see cref="Kw"/>; kept for callers that resolve kVA specifications).</summary>
    public double EffectiveKw => _power.Kw;

    public LoadModel Model { get; internal set; } = LoadModel.ConstantPq;
    public bool IsDelta { get; internal set; }
    public double VminPu { get; internal set; } = 0.95;
    public double VmaxPu { get; internal set; } = 1.05;
    public double VlowPu { get; internal set; } = 0.50;
    public double CvrWatts { get; private set; } = 1.0;
    public double CvrVars { get; private set; } = 2.0;

    /// <summary>ZIP coefficients [Zp, Ip, Pp, Zq, Iq, Pq, Vcutoff] for model 8, or null when not given.</summary>
    public double[]? Zipv { get; private set; }

    /// <summary>Where model= was last set (for the message when model 8 lacks ZIPV).</summary>
    internal SourceLocation ModelLocation { get; private set; } = SourceLocation.None;

    /// <summary>Rating of the serving transformer (kVA) for load allocation.</summary>
    public double XfKva => _power.ConnectedKva;

    /// <summary>Allocation factor for xfkVA loads (OpenDSS default 0.5).</summary>
    public double AllocationFactor => _power.AllocationFactor;

    /// <summary>Shapes named by daily=, yearly=, duty= (null when none).</summary>
    public Shapes.LoadShapeElement? DailyShape { get; private set; }

    public Shapes.LoadShapeElement? YearlyShape { get; private set; }
    public Shapes.LoadShapeElement? DutyShape { get; private set; }

    /// <summary>Fixed loads ignore the load multiplier.</summary>
    public bool IsFixed { get; private set; }

    /// <summary>Exempt loads ignore the load multiplier in snapshot solves too (OpenDSS: only the growth factor applies).</summary>
    public bool IsExempt { get; private set; }

    internal override IReadOnlyList<string> PropertyNames => Names;

    /// <summary>Set real and reactive power directly (attachments).</summary>
    internal void SetPower(double kw, double kvar) => _power.SetDirect(kw, kvar);

    internal override void EndEdit() => _power.Recalculate();

    protected override void DeepCopyArrays()
    {
        _power = _power.Copy();
        Zipv = Zipv is null ? null : (double[])Zipv.Clone();
    }

    internal override void Set(string property, DssValue value, DssModel model)
    {
        if (_power.TrySet(property, value))
            return;
        switch (property)
        {
            case "phases": Phases = DssValueReader.PositiveInt(value, property); break;
            case "bus1": Bus1 = BusSpec.Parse(value, property); break;
            case "kv": Kv = DssValueReader.Positive(value, property, "the load's rated voltage in kV", "OpenDSS would divide by it"); break;
            case "model":
                int m = DssValueReader.Int(value, property);
                if (m is < 1 or > 5 and not 8)
                    throw new DssInputException(value.Location, $"{property}: load model {m} is not supported; expected 1, 2, 3, 4, 5 or 8 (ZIPV)");
                Model = (LoadModel)m;
                ModelLocation = value.Location;
                break;
            case "conn":
                string c = value.Text.Trim().ToLowerInvariant();
                IsDelta = c.StartsWith('d') || c == "ll";
                if (!IsDelta && !(c.StartsWith('y') || c.StartsWith('w') || c == "ln"))
                    throw new DssInputException(value.Location, $"{property}: unknown connection '{value}'; expected wye or delta");
                break;
            case "vminpu": VminPu = DssValueReader.Double(value, property); break;
            case "vmaxpu": VmaxPu = DssValueReader.Double(value, property); break;
            case "vlowpu": VlowPu = DssValueReader.Double(value, property); break;
            case "cvrwatts": CvrWatts = DssValueReader.Double(value, property); break;
            case "cvrvars": CvrVars = DssValueReader.Double(value, property); break;
            case "status":
                string s = value.Text.Trim().ToLowerInvariant();
                if (!(s.StartsWith('v') || s.StartsWith('f') || s.StartsWith('e')))
                    throw new DssInputException(value.Location, $"{property}: expected variable, fixed or exempt, got '{value}'");
                IsFixed = s.StartsWith('f');
                IsExempt = s.StartsWith('e');
                break;
            case "zipv":
                double[] zipv = DssValueReader.Doubles(value, property);
                if (zipv.Length != 7)
                    throw new DssInputException(value.Location, $"{property}: expected 7 values [Zp Ip Pp Zq Iq Pq Vcutoff], got {zipv.Length}");
                Zipv = zipv;
                break;
            case "rneut" or "xneut":
                if (DssValueReader.Double(value, property) >= 0 && property == "rneut")
                    throw new DssInputException(value.Location, $"{property}: load neutral impedances are not supported yet");
                break;
            case "yearly": YearlyShape = Shape(value, property, model); break;
            case "daily": DailyShape = Shape(value, property, model); break;
            case "duty": DutyShape = Shape(value, property, model); break;
            case "growth" or "cvrcurve":
                break; // yearly growth and CVR curves act only in multi-year and CVR-curve studies
            case "basefreq": Lines.LineElement.CheckBaseFrequency(value, property, model); break;
            case "class" or "vminnorm" or "vminemerg" or "%mean" or "%stddev" or "numcust" or "%seriesrl"
                or "relweight" or "puxharm" or "xrharm" or "spectrum":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for Load yet");
        }
    }

    internal static Shapes.LoadShapeElement? Shape(DssValue value, string property, DssModel model, string users = "loads")
    {
        if (value.Text.Length == 0 || value.Text.Equals("none", StringComparison.OrdinalIgnoreCase))
            return null;
        return model.Find<Shapes.LoadShapeElement>(value.Text)
            ?? throw new DssInputException(value.Location, $"{property}: LoadShape.{value.Text} is not defined (define it before the {users} that use it)");
    }
}
