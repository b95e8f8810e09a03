using OpenG2G.Core.Options;

namespace OpenG2G.Grid.Components;

/// <summary>
/// A battery the scenario adds at a bus: an OpenDSS Storage over three wye phases at the bus's base
/// voltage, run exactly as a DSS-defined one, commanded by SetBatteryPower (positive charges). Its power
/// is limited to <see cref="RatedPowerKw"/> and, real power first, the inverter's <see cref="RatedKva"/>;
/// its energy moves at the end of each grid interval with the terminal power drawn (charging stores
/// P x charge efficiency, discharging takes P / discharge efficiency, idling losses added), and reaching
/// the reserve or full capacity stops it (it idles) until a command turns it the other way.
/// </summary>
public sealed record BatteryOptions : IValidatable
{
    /// <summary>Label in the results tables and in storage commands. Required, unique.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Bus it connects to (three wye phases). Required.</summary>
    public string Bus { get; init; } = string.Empty;

    /// <summary>Largest charge or discharge power, kW (default 100).</summary>
    public double RatedPowerKw { get; init; } = 100.0;

    /// <summary>Inverter rating, kVA, >= rated_power_kw (default 100).</summary>
    public double RatedKva { get; init; } = 100.0;

    /// <summary>Energy capacity, kWh (default 200).</summary>
    public double CapacityKwh { get; init; } = 200.0;

    /// <summary>State of charge at time zero, fraction of capacity (default 0.5).</summary>
    public double InitialSocFraction { get; init; } = 0.5;

    /// <summary>Lowest state of charge it discharges to, fraction of capacity (default 0.1).</summary>
    public double ReserveFraction { get; init; } = 0.1;

    /// <summary>Fraction of charging energy stored (default 0.95).</summary>
    public double ChargeEfficiency { get; init; } = 0.95;

    /// <summary>Fraction of drawn stored energy delivered (default 0.95).</summary>
    public double DischargeEfficiency { get; init; } = 0.95;

    /// <summary>Losses while charging, discharging or idling, % of rated_power_kw (default 0; OpenDSS's Storage default is 1).</summary>
    public double IdlingKwPercent { get; init; }

    public IEnumerable<ValidationProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            yield return new ValidationProblem("name", "must not be empty");
        if (string.IsNullOrWhiteSpace(Bus))
            yield return new ValidationProblem("bus", "must not be empty");
        if (RatedPowerKw <= 0)
            yield return new ValidationProblem("rated_power_kw", $"must be > 0, got {RatedPowerKw}");
        if (RatedKva < RatedPowerKw)
            yield return new ValidationProblem("rated_kva", $"must be >= rated_power_kw ({RatedPowerKw}), got {RatedKva}");
        if (CapacityKwh <= 0)
            yield return new ValidationProblem("capacity_kwh", $"must be > 0, got {CapacityKwh}");
        if (ReserveFraction is < 0 or >= 1)
            yield return new ValidationProblem("reserve_fraction", $"must be in [0, 1), got {ReserveFraction}");
        if (InitialSocFraction < ReserveFraction || InitialSocFraction > 1)
            yield return new ValidationProblem("initial_soc_fraction", $"must be in [reserve_fraction, 1], got {InitialSocFraction}");
        if (ChargeEfficiency is <= 0 or > 1)
            yield return new ValidationProblem("charge_efficiency", $"must be in (0, 1], got {ChargeEfficiency}");
        if (DischargeEfficiency is <= 0 or > 1)
            yield return new ValidationProblem("discharge_efficiency", $"must be in (0, 1], got {DischargeEfficiency}");
        if (IdlingKwPercent is < 0 or > 100)
            yield return new ValidationProblem("idling_kw_percent", $"must be in [0, 100], got {IdlingKwPercent}");
    }
}
