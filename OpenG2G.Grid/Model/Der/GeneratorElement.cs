using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Der;

/// <summary>
/// A generator (OpenDSS Generator) for power flow: model 1 injects constant P and Q (an impedance
/// outside [vminpu, vmaxpu]); model 2 is a constant admittance; model 3 injects constant P and moves
/// its Q, within [minkvar, maxkvar], to hold the mean phase voltage at <see cref="VoltagePu"/> of kV.
/// kW and pf keep kvar = kW x tan(acos pf) and the var limits at +-2 x kvar until maxkvar/minkvar are
/// written (OpenDSS's order-dependent rules). Defaults as OpenDSS: 3 phases, 12.47 kV, 1000 kW,
/// pf 0.88, model 1, vminpu 0.9, vmaxpu 1.1, Vpu 1, PVFactor 0.1. <c>status=fixed</c> ignores GenMult.
/// </summary>
public sealed class GeneratorElement : PowerConversionElement
{
    private static readonly string[] Names =
    [
        "phases", "bus1", "kv", "kw", "pf", "kvar", "model", "vminpu", "vmaxpu", "yearly", "daily", "duty",
        "dispmode", "dispvalue", "conn", "status", "class", "vpu", "maxkvar", "minkvar", "pvfactor", "forceon",
        "kva", "mva", "xd", "xdp", "xdpp", "h", "d", "usermodel", "userdata", "shaftmodel", "shaftdata",
        "dutystart", "debugtrace", "balanced", "xrdp", "usefuel", "fuelkwh", "%fuel", "%reserve", "refuel",
        "dynamiceq", "dynout", "spectrum", "basefreq", "enabled", "like",
    ];

    public GeneratorElement(string name, SourceLocation definedAt)
        : base("Generator", name, definedAt)
    {
        SyncKvar();
    }

    public double Kw { get; private set; } = 1000.0;
    public double PowerFactor { get; private set; } = 0.88;

    /// <summary>Reactive power in kvar (positive supplies).</summary>
    public double Kvar { get; private set; }

    public int Model { get; private set; } = 1;
    public double KvarMax { get; private set; }
    public double KvarMin { get; private set; }

    /// <summary>Model 3: the voltage it holds, in pu of kV (line-to-neutral for 2 and 3 phases).</summary>
    public double VoltagePu { get; private set; } = 1.0;

    /// <summary>Model 3: the share of the voltage error corrected per iteration.</summary>
    public double PvFactor { get; private set; } = 0.1;

    /// <summary>status=fixed: GenMult does not apply.</summary>
    public bool IsFixed { get; private set; }

    /// <summary>Load-level dispatch: the generator is off while the load multiplier is below this (0: always on).</summary>
    public double DispatchValue { get; private set; }

    public bool ForcedOn { get; private set; }
    private bool _loadLevelDispatch;

    /// <summary>True when load-level dispatch switches it off at <paramref name="loadMultiplier"/>.</summary>
    public bool IsOffAt(double loadMultiplier) =>
        !ForcedOn && _loadLevelDispatch && DispatchValue > 0 && loadMultiplier < DispatchValue;

    internal override IReadOnlyList<string> PropertyNames => Names;

    internal override void Set(string property, DssValue value, DssModel model)
    {
        if (TrySetCommon(property, value, model))
            return;
        switch (property)
        {
            case "kw": Kw = DssValueReader.Double(value, property); SyncKvar(); break;
            case "pf":
                double pf = DssValueReader.Double(value, property);
                if (pf == 0 || Math.Abs(pf) > 1 || !double.IsFinite(pf))
                    throw new DssInputException(value.Location, $"{property}: power factor must be in [-1, 1] and not 0, got '{value}'");
                PowerFactor = pf;
                SyncKvar();
                break;
            case "kvar":
                Kvar = DssValueReader.Double(value, property);
                double kva = Math.Sqrt(Kw * Kw + Kvar * Kvar);
                PowerFactor = kva != 0 ? Kw / kva : 1.0;
                if (Kw * Kvar < 0)
                    PowerFactor = -PowerFactor;
                KvarMax = 2.0 * Kvar;
                KvarMin = -KvarMax;
                break;
            case "model":
                int m = DssValueReader.Int(value, property);
                if (m is not (1 or 2 or 3))
                    throw new DssInputException(value.Location, $"{property}: generator model {m} is not supported; expected 1 (constant PQ), 2 (constant admittance) or 3 (constant P and |V|)");
                Model = m;
                break;
            case "vpu": VoltagePu = Positive(value, property); break;
            case "maxkvar": KvarMax = DssValueReader.Double(value, property); break;
            case "minkvar": KvarMin = DssValueReader.Double(value, property); break;
            case "pvfactor": PvFactor = Positive(value, property); break;
            case "status":
                string s = value.Text.Trim().ToLowerInvariant();
                if (!(s.StartsWith('v') || s.StartsWith('f')))
                    throw new DssInputException(value.Location, $"{property}: expected variable or fixed, got '{value}'");
                IsFixed = s.StartsWith('f');
                break;
            case "dispmode":
                string d = value.Text.Trim().ToLowerInvariant();
                if (d.StartsWith('p'))
                    throw new DssInputException(value.Location, $"{property}: price dispatch is not supported; expected default or loadlevel");
                if (!(d.StartsWith('d') || d.StartsWith('l')))
                    throw new DssInputException(value.Location, $"{property}: expected default or loadlevel, got '{value}'");
                _loadLevelDispatch = d.StartsWith('l');
                break;
            case "dispvalue": DispatchValue = DssValueReader.Double(value, property); break;
            case "forceon": ForcedOn = DssValueReader.YesNo(value, property); break;
            case "balanced": RefuseIfOn(value, property, "forcing balanced currents"); break;
            case "usefuel": RefuseIfOn(value, property, "fuel tracking"); break;
            case "usermodel" or "userdata" or "shaftmodel" or "shaftdata":
                if (value.Text.Length > 0)
                    throw new DssInputException(value.Location, $"{property}: user-written models are not supported");
                break;
            case "kva" or "mva" or "xd" or "xdp" or "xdpp" or "h" or "d" or "xrdp" or "fuelkwh" or "%fuel" or "%reserve"
                or "refuel" or "dynamiceq" or "dynout":
                break; // machine data for dynamics and fault studies
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for Generator");
        }
    }

    /// <summary>OpenDSS's SyncUpPowerQuantities: kvar from kW and pf, var limits at twice that.</summary>
    private void SyncKvar()
    {
        double q = Kw * Math.Sqrt(1.0 / (PowerFactor * PowerFactor) - 1.0);
        KvarMax = 2.0 * q;
        KvarMin = -KvarMax;
        Kvar = PowerFactor < 0 ? -q : q;
    }

    private static double Positive(DssValue value, string property)
    {
        double x = DssValueReader.Double(value, property);
        if (!(x > 0) || !double.IsFinite(x))
            throw new DssInputException(value.Location, $"{property}: must be a finite number > 0, got '{value}'");
        return x;
    }
}
