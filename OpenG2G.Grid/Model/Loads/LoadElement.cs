using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Loads;

/// <summary>
/// A load (OpenDSS Load): kW with kvar or power factor at rated kV (line-to-line for 2- and 3-phase,
/// across the load for 1-phase), wye or delta, a voltage model, and OpenDSS's low/high-voltage
/// behaviour: outside [vminpu, vmaxpu] the load becomes an impedance matched at the limit, and
/// below vlowpu its nominal impedance. Defaults as OpenDSS: 3 phases, 12.47 kV, 10 kW, pf 0.88,
/// model 1, wye, vminpu 0.95, vmaxpu 1.05, vlowpu 0.5.
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

    private enum Spec
    {
        KwPf,
        KwKvar,
        KvaPf,
        AllocatedKvaPf,
    }

    private Spec _spec = Spec.KwPf;
    private double _kva;
    private double _xfKva;

    public LoadElement(string name, SourceLocation definedAt)
        : base("Load", name, definedAt)
    {
    }

    public int Phases { get; internal set; } = 3;
    public BusSpec? Bus1 { get; internal set; }
    public double Kv { get; internal set; } = 12.47;
    public double Kw { get; internal set; } = 10.0;
    public double PowerFactor { get; internal set; } = 0.88;
    public double KvarSpecified { get; private set; }
    public LoadModel Model { get; internal set; } = LoadModel.ConstantPq;
    public bool IsDelta { get; internal set; }
    public double VminPu { get; internal set; } = 0.95;
    public double VmaxPu { get; internal set; } = 1.05;
    public double VlowPu { get; internal set; } = 0.50;
    public double CvrWatts { get; private set; } = 1.0;
    public double CvrVars { get; private set; } = 2.0;

    /// <summary>Rating of the serving transformer (kVA) for load allocation; the load is xfkVA x AllocationFactor at its pf.</summary>
    public double XfKva => _xfKva;

    /// <summary>Allocation factor for xfkVA loads (OpenDSS default 0.5).</summary>
    public double AllocationFactor { get; private set; } = 0.5;

    /// <summary>Shapes named by daily=, yearly=, duty= (null when none).</summary>
    public Shapes.LoadShapeElement? DailyShape { get; private set; }

    public Shapes.LoadShapeElement? YearlyShape { get; private set; }
    public Shapes.LoadShapeElement? DutyShape { get; private set; }

    /// <summary>Fixed loads ignore the load multiplier.</summary>
    public bool IsFixed { get; private set; }

    /// <summary>Reactive power in kvar from the way the load was specified.</summary>
    public double Kvar => _spec switch
    {
        Spec.KwKvar => KvarSpecified,
        Spec.KvaPf or Spec.AllocatedKvaPf => KwFromKva * Math.Sqrt(1.0 / (PowerFactor * PowerFactor) - 1.0) * Math.Sign(PowerFactor),
        _ => Kw * Math.Sqrt(1.0 / (PowerFactor * PowerFactor) - 1.0) * Math.Sign(PowerFactor),
    };

    /// <summary>Real power in kW after resolving a kVA specification.</summary>
    public double EffectiveKw => _spec is Spec.KvaPf or Spec.AllocatedKvaPf ? KwFromKva : Kw;

    private double KwFromKva => (_spec == Spec.AllocatedKvaPf ? _xfKva * AllocationFactor : _kva) * Math.Abs(PowerFactor);

    internal override IReadOnlyList<string> PropertyNames => Names;

    /// <summary>Set real and reactive power directly (attachments).</summary>
    internal void SetPower(double kw, double kvar)
    {
        Kw = kw;
        KvarSpecified = kvar;
        _spec = Spec.KwKvar;
    }

    internal override void Set(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "phases": Phases = DssValueReader.PositiveInt(value, property); break;
            case "bus1": Bus1 = BusSpec.Parse(value, property); break;
            case "kv": Kv = DssValueReader.Positive(value, property, "the load's rated voltage in kV", "OpenDSS would divide by it"); break;
            case "kw":
                Kw = DssValueReader.Double(value, property);
                if (_spec is Spec.KvaPf or Spec.AllocatedKvaPf)
                    _spec = Spec.KwPf;
                break;
            case "pf":
                PowerFactor = DssValueReader.Double(value, property);
                if (PowerFactor == 0 || Math.Abs(PowerFactor) > 1)
                    throw new DssInputException(value.Location, $"{property}: power factor must be in [-1, 1] and not 0, got '{value}'");
                if (_spec == Spec.KwKvar)
                    _spec = Spec.KwPf;
                break;
            case "kvar":
                KvarSpecified = DssValueReader.Double(value, property);
                _spec = Spec.KwKvar;
                break;
            case "kva":
                _kva = DssValueReader.Double(value, property);
                _spec = Spec.KvaPf;
                break;
            case "model":
                int m = DssValueReader.Int(value, property);
                if (m is < 1 or > 5)
                    throw new DssInputException(value.Location, $"{property}: load model {m} is not supported yet; expected 1, 2, 3, 4 or 5");
                Model = (LoadModel)m;
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
                break;
            case "rneut" or "xneut":
                if (DssValueReader.Double(value, property) >= 0 && property == "rneut")
                    throw new DssInputException(value.Location, $"{property}: load neutral impedances are not supported yet");
                break;
            case "yearly": YearlyShape = Shape(value, property, model); break;
            case "daily": DailyShape = Shape(value, property, model); break;
            case "duty": DutyShape = Shape(value, property, model); break;
            case "xfkva":
                _xfKva = DssValueReader.Double(value, property);
                _spec = Spec.AllocatedKvaPf;
                break;
            case "allocationfactor":
                AllocationFactor = DssValueReader.Double(value, property);
                _spec = Spec.AllocatedKvaPf;
                break;
            case "growth" or "cvrcurve":
                break; // yearly growth and CVR curves act only in multi-year and CVR-curve studies
            case "zipv":
                throw new DssInputException(value.Location, $"{property}: ZIPV loads are not supported yet");
            case "basefreq": Lines.LineElement.CheckBaseFrequency(value, property, model); break;
            case "class" or "vminnorm" or "vminemerg" or "%mean" or "%stddev" or "kwh"
                or "kwhdays" or "cfactor" or "numcust" or "%seriesrl" or "relweight" or "puxharm" or "xrharm" or "spectrum":
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for Load yet");
        }
    }

    private static Shapes.LoadShapeElement? Shape(DssValue value, string property, DssModel model)
    {
        if (value.Text.Length == 0 || value.Text.Equals("none", StringComparison.OrdinalIgnoreCase))
            return null;
        return model.Find<Shapes.LoadShapeElement>(value.Text)
            ?? throw new DssInputException(value.Location, $"{property}: LoadShape.{value.Text} is not defined (define it before the loads that use it)");
    }
}
