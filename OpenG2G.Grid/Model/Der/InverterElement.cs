using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;
using OpenG2G.Grid.Model.Curves;

namespace OpenG2G.Grid.Model.Der;

/// <summary>
/// What PVSystem and Storage share, OpenDSS's inverter-based elements: the inverter rating
/// <see cref="KvaRating"/>, reactive power at a power factor (<c>pf</c>, positive supplies vars) or as
/// <c>kvar</c> (the one written last wins), reactive limits <c>kvarMax</c> (supplying) and
/// <c>kvarMaxAbs</c> (absorbing; both default to kVA), cut-in/cut-out thresholds in % of kVA, the
/// <c>%PminNoVars</c> and <c>%PminkvarMax</c> thresholds, <c>WattPriority</c> and <c>PFPriority</c>,
/// <c>VarFollowInverter</c> and an inverter efficiency curve.
/// </summary>
public abstract class InverterElement : PowerConversionElement
{
    private bool _kvarLimitSet;
    private bool _kvarLimitNegSet;

    protected InverterElement(string className, string name, SourceLocation definedAt, double kva, double cutInPercent)
        : base(className, name, definedAt)
    {
        KvaRating = kva;
        KvarLimit = kva;
        KvarLimitNeg = kva;
        CutInPercent = cutInPercent;
        CutOutPercent = cutInPercent;
    }

    public double KvaRating { get; private set; }
    public double PowerFactor { get; private set; } = 1.0;

    /// <summary>Reactive power asked for with <c>kvar=</c> (positive supplies), used when <see cref="VarModeKvar"/>.</summary>
    public double KvarRequested { get; private set; }

    /// <summary>True when <c>kvar=</c> was written after <c>pf=</c>.</summary>
    public bool VarModeKvar { get; private set; }

    public double KvarLimit { get; private set; }
    public double KvarLimitNeg { get; private set; }
    public double CutInPercent { get; private set; }
    public double CutOutPercent { get; private set; }
    public double PminNoVarsPercent { get; private set; }
    public double PminKvarMaxPercent { get; private set; }
    public bool WattPriority { get; private set; }
    public bool PfPriority { get; private set; }
    public bool VarFollowInverter { get; private set; }

    /// <summary>Inverter efficiency (pu) against power (pu of kVA), or null for an ideal inverter.</summary>
    public XyCurveElement? EfficiencyCurve { get; private set; }

    /// <summary>Apply an inverter property; false when <paramref name="property"/> is not one.</summary>
    protected bool TrySetInverter(string property, DssValue value, DssModel model)
    {
        switch (property)
        {
            case "kva":
                KvaRating = Positive(value, property);
                OnKvaSet();
                if (!_kvarLimitSet)
                    KvarLimit = KvaRating;
                if (!_kvarLimitSet && !_kvarLimitNegSet)
                    KvarLimitNeg = KvaRating;
                return true;
            case "pf":
                double pf = DssValueReader.Double(value, property);
                if (pf == 0 || Math.Abs(pf) > 1 || !double.IsFinite(pf))
                    throw new DssInputException(value.Location, $"{property}: power factor must be in [-1, 1] and not 0, got '{value}'");
                PowerFactor = pf;
                VarModeKvar = false;
                return true;
            case "kvar":
                KvarRequested = DssValueReader.Double(value, property);
                VarModeKvar = true;
                return true;
            case "kvarmax":
                KvarLimit = Math.Abs(DssValueReader.Double(value, property));
                _kvarLimitSet = true;
                if (!_kvarLimitNegSet)
                    KvarLimitNeg = KvarLimit;
                return true;
            case "kvarmaxabs":
                KvarLimitNeg = Math.Abs(DssValueReader.Double(value, property));
                _kvarLimitNegSet = true;
                return true;
            case "%cutin": CutInPercent = DssValueReader.Double(value, property); return true;
            case "%cutout": CutOutPercent = DssValueReader.Double(value, property); return true;
            case "%pminnovars": PminNoVarsPercent = Math.Abs(DssValueReader.Double(value, property)); return true;
            case "%pminkvarmax": PminKvarMaxPercent = Math.Abs(DssValueReader.Double(value, property)); return true;
            case "wattpriority": WattPriority = DssValueReader.YesNo(value, property); return true;
            case "pfpriority": PfPriority = DssValueReader.YesNo(value, property); return true;
            case "varfollowinverter": VarFollowInverter = DssValueReader.YesNo(value, property); return true;
            case "effcurve":
                EfficiencyCurve = value.Text.Length == 0 ? null : model.Find<XyCurveElement>(value.Text)
                    ?? throw new DssInputException(value.Location, $"{property}: XYCurve.{value.Text} is not defined (define it before the elements that use it)");
                return true;
            case "model":
                int m = DssValueReader.Int(value, property);
                if (m is not (1 or 2))
                    throw new DssInputException(value.Location, $"{property}: model {m} is not supported; expected 1 (constant P, pf) or 2 (constant admittance)");
                ConstantAdmittance = m == 2;
                return true;
            case "balanced": RefuseIfOn(value, property, "forcing balanced (positive-sequence) currents"); return true;
            case "limitcurrent": RefuseIfOn(value, property, "the current-limited model"); return true;
            case "usermodel" or "userdata":
                if (value.Text.Length > 0)
                    throw new DssInputException(value.Location, $"{property}: user-written models are not supported");
                return true;
            case "controlmode":
                if (value.Text.Trim().StartsWith("gfm", StringComparison.OrdinalIgnoreCase))
                    throw new DssInputException(value.Location, $"{property}: grid-forming control is not supported; only GFL");
                return true;
            case "%r" or "%x" or "kvdc" or "kp" or "pitol" or "safevoltage" or "safemode" or "dynamiceq" or "dynout"
                or "amplimit" or "amplimitgain":
                return true; // dynamics and harmonics only
            default:
                return false;
        }
    }

    /// <summary>Model 2: a constant admittance drawing the nominal power at rated voltage.</summary>
    public bool ConstantAdmittance { get; private set; }

    /// <summary>Storage: a kVA rating written stops following kWrated.</summary>
    protected virtual void OnKvaSet()
    {
    }

    /// <summary>Storage without a kVA of its own follows kWrated (OpenDSS leaves the kvar limits where they were).</summary>
    protected void FollowRating(double kva) => KvaRating = kva;

    protected static double Positive(DssValue value, string property)
    {
        double x = DssValueReader.Double(value, property);
        if (!(x > 0) || !double.IsFinite(x))
            throw new DssInputException(value.Location, $"{property}: must be a finite number > 0, got '{value}'");
        return x;
    }

    /// <summary>Set by the scenario layer when the element is built in code.</summary>
    internal void SetInverter(double kva, double powerFactor, double cutInPercent, double cutOutPercent, bool wattPriority)
    {
        KvaRating = KvarLimit = KvarLimitNeg = kva;
        PowerFactor = powerFactor;
        WattPriority = wattPriority;
        CutInPercent = cutInPercent;
        CutOutPercent = cutOutPercent;
    }
}
