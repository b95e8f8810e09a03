using OpenG2G.Core.Diagnostics;
using OpenG2G.Grid.Dss;

namespace OpenG2G.Grid.Model.Der;

/// <summary>
/// A battery (OpenDSS Storage): charging at %Charge or discharging at %Discharge of kWrated (both
/// at the terminal), or idling (drawing only %IdlingkW of kWrated); energy kWhstored between the
/// reserve (%reserve of kWhrated) and kWhrated, charged at %EffCharge and discharged at %EffDischarge.
/// Defaults as OpenDSS: kWrated 25, kWhrated 50 (fully stored), %reserve 20, idling, %Charge =
/// %Discharge = 100, efficiencies 90 %, %IdlingkW 1, kVA = kWrated (the kvar limits stay at 25 unless
/// kVA or kvarMax is written, as in OpenDSS), pf 1, vminpu 0.9, vmaxpu 1.1, no cut-in/cut-out.
/// </summary>
public sealed class StorageElement : InverterElement
{
    private static readonly string[] Names =
    [
        "phases", "bus1", "kv", "conn", "kw", "kvar", "pf", "kva", "%cutin", "%cutout", "effcurve",
        "varfollowinverter", "kvarmax", "kvarmaxabs", "wattpriority", "pfpriority", "%pminnovars", "%pminkvarmax",
        "kwrated", "%kwrated", "kwhrated", "kwhstored", "%stored", "%reserve", "state", "%discharge", "%charge",
        "%effcharge", "%effdischarge", "%idlingkw", "%idlingkvar", "%r", "%x", "model", "vminpu", "vmaxpu",
        "balanced", "limitcurrent", "yearly", "daily", "duty", "dispmode", "dischargetrigger", "chargetrigger",
        "timechargetrig", "class", "dynadll", "dynadata", "usermodel", "userdata", "debugtrace", "kvdc", "kp",
        "pitol", "safevoltage", "safemode", "dynamiceq", "dynout", "controlmode", "amplimit", "amplimitgain",
        "spectrum", "basefreq", "enabled", "like",
    ];

    private bool _kvaSet;

    public StorageElement(string name, SourceLocation definedAt)
        : base("Storage", name, definedAt, kva: 25.0, cutInPercent: 0.0)
    {
    }

    public double KwRated { get; private set; } = 25.0;

    /// <summary>Output limit in pu of kWrated (%kWrated / 100); default 1.</summary>
    public double KwRatedLimitPu { get; private set; } = 1.0;

    public double KwhRated { get; private set; } = 50.0;
    public double KwhStored { get; private set; } = 50.0;
    public double ReservePercent { get; private set; } = 20.0;
    public StorageState State { get; private set; } = StorageState.Idling;
    public double DischargePercent { get; private set; } = 100.0;
    public double ChargePercent { get; private set; } = 100.0;
    public double ChargeEfficiencyPercent { get; private set; } = 90.0;
    public double DischargeEfficiencyPercent { get; private set; } = 90.0;
    public double IdlingKwPercent { get; private set; } = 1.0;
    public StorageDispatchMode DispatchMode { get; private set; } = StorageDispatchMode.Default;
    public double DischargeTrigger { get; private set; }
    public double ChargeTrigger { get; private set; }

    /// <summary>Reserve energy in kWh (%reserve of kWhrated).</summary>
    public double KwhReserve => KwhRated * ReservePercent / 100.0;

    internal override IReadOnlyList<string> PropertyNames => Names;

    protected override void OnKvaSet() => _kvaSet = true;

    internal override void Set(string property, DssValue value, DssModel model)
    {
        if (TrySetCommon(property, value, model) || TrySetInverter(property, value, model))
            return;
        switch (property)
        {
            case "kw": SetKw(DssValueReader.Double(value, property)); break;
            case "kwrated":
                KwRated = Positive(value, property);
                if (!_kvaSet)
                    FollowRating(KwRated);
                break;
            case "%kwrated": KwRatedLimitPu = DssValueReader.Double(value, property) / 100.0; break;
            case "kwhrated":
                KwhRated = Positive(value, property);
                KwhStored = KwhRated; // OpenDSS assumes a new rating is fully charged
                break;
            case "kwhstored": KwhStored = NonNegative(value, property); break;
            case "%stored": KwhStored = NonNegative(value, property) / 100.0 * KwhRated; break;
            case "%reserve": ReservePercent = NonNegative(value, property); break;
            case "state": State = ParseState(value, property); break;
            case "%discharge": DischargePercent = NonNegative(value, property); break;
            case "%charge": ChargePercent = NonNegative(value, property); break;
            case "%effcharge": ChargeEfficiencyPercent = Positive(value, property); break;
            case "%effdischarge": DischargeEfficiencyPercent = Positive(value, property); break;
            case "%idlingkw": IdlingKwPercent = NonNegative(value, property); break;
            case "%idlingkvar": break; // deprecated in OpenDSS, no effect
            case "dispmode": DispatchMode = ParseDispatch(value, property); break;
            case "dischargetrigger": DischargeTrigger = DssValueReader.Double(value, property); break;
            case "chargetrigger": ChargeTrigger = DssValueReader.Double(value, property); break;
            case "timechargetrig": break; // a time-of-day charge start, only with load-level or price dispatch
            case "dynadll" or "dynadata":
                if (value.Text.Length > 0)
                    throw new DssInputException(value.Location, $"{property}: user-written dynamics models are not supported");
                break;
            default:
                throw new DssInputException(value.Location, $"{property}: not supported for Storage");
        }
    }

    /// <summary>OpenDSS's kW property: positive discharges at that power, negative charges, zero idles.</summary>
    private void SetKw(double kw)
    {
        if (kw > 0)
            (State, DischargePercent) = (StorageState.Discharging, kw / KwRated * 100.0);
        else if (kw < 0)
            (State, ChargePercent) = (StorageState.Charging, -kw / KwRated * 100.0);
        else
            State = StorageState.Idling;
    }

    private static double NonNegative(DssValue value, string property)
    {
        double x = DssValueReader.Double(value, property);
        if (x < 0 || !double.IsFinite(x))
            throw new DssInputException(value.Location, $"{property}: must be a finite number >= 0, got '{value}'");
        return x;
    }

    private static StorageState ParseState(DssValue value, string property) => value.Text.Trim().ToLowerInvariant() switch
    {
        var s when s.StartsWith('c') => StorageState.Charging,
        var s when s.StartsWith('d') => StorageState.Discharging,
        var s when s.StartsWith('i') => StorageState.Idling,
        _ => throw new DssInputException(value.Location, $"{property}: expected charging, discharging or idling, got '{value}'"),
    };

    private static StorageDispatchMode ParseDispatch(DssValue value, string property) => value.Text.Trim().ToLowerInvariant() switch
    {
        var s when s.StartsWith("def") => StorageDispatchMode.Default,
        var s when s.StartsWith("fol") => StorageDispatchMode.Follow,
        var s when s.StartsWith("ext") => StorageDispatchMode.External,
        var s when s.StartsWith('l') || s.StartsWith('p') =>
            throw new DssInputException(value.Location, $"{property}: '{value}' dispatch (by load level or price) is not supported; expected default, follow or external"),
        _ => throw new DssInputException(value.Location, $"{property}: expected default, follow or external, got '{value}'"),
    };

    /// <summary>Set by the scenario layer when the battery is built in code.</summary>
    internal void SetBattery(double kwRated, double kwhRated, double storedFraction, double reserveFraction, double chargeEfficiency, double dischargeEfficiency, double idlingPercent)
    {
        KwRated = kwRated;
        KwhRated = kwhRated;
        KwhStored = storedFraction * kwhRated;
        ReservePercent = reserveFraction * 100.0;
        ChargeEfficiencyPercent = chargeEfficiency * 100.0;
        DischargeEfficiencyPercent = dischargeEfficiency * 100.0;
        IdlingKwPercent = idlingPercent;
        DispatchMode = StorageDispatchMode.External;
    }
}
