using OpenG2G.Core.Composition;
using OpenG2G.Core.Options;

namespace OpenG2G.Grid.Components;

/// <summary>
/// A PV system the scenario adds at a bus: an OpenDSS PVSystem over three phases (wye or delta) at the
/// bus's base voltage with Pmpp = 3 x <see cref="PeakKwPerPhase"/> and its irradiance following
/// <see cref="Profile"/> (1 = Pmpp). It runs as a DSS-defined PVSystem: constant P and Q between 0.9 and
/// 1.1 pu, reactive power at <see cref="PowerFactor"/> (supplying vars), limited by the inverter's kVA.
/// </summary>
public sealed record PvOptions : IValidatable
{
    /// <summary>Label in the results tables. Required, unique.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Bus it connects to (three phases). Required.</summary>
    public string Bus { get; init; } = string.Empty;

    /// <summary>Real power per phase at profile value 1, kW (>= 0).</summary>
    public double PeakKwPerPhase { get; init; }

    /// <summary>Power factor, > 0 supplying vars (default 1).</summary>
    public double PowerFactor { get; init; } = 1.0;

    /// <summary>wye (default) or delta.</summary>
    public LoadConnection Connection { get; init; } = LoadConnection.Wye;

    /// <summary>Irradiance against time, in pu of the 1 kW/m^2 at which Pmpp is rated (default constant 1).</summary>
    public ProfileOptions Profile { get; init; } = new();

    /// <summary>Inverter rating, kVA (default: 3 x peak_kw_per_phase / power_factor, so the peak output always fits).</summary>
    public double? RatedKva { get; init; }

    /// <summary>Panel power (% of kVA) below which the inverter turns off (default 0; OpenDSS's PVSystem default is 20).</summary>
    public double CutOutPercent { get; init; }

    /// <summary>Panel power (% of kVA) at which an off inverter turns on again (default 0).</summary>
    public double CutInPercent { get; init; }

    /// <summary>Pmpp in kW.</summary>
    internal double PmppKw => 3.0 * PeakKwPerPhase;

    internal double KvaOrDefault => RatedKva ?? (PmppKw > 0 ? PmppKw / PowerFactor : 1e-3);

    public IEnumerable<ValidationProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            yield return new ValidationProblem("name", "must not be empty");
        if (string.IsNullOrWhiteSpace(Bus))
            yield return new ValidationProblem("bus", "must not be empty");
        if (PeakKwPerPhase < 0 || !double.IsFinite(PeakKwPerPhase))
            yield return new ValidationProblem("peak_kw_per_phase", $"must be a finite number >= 0, got {PeakKwPerPhase}");
        if (PowerFactor is <= 0 or > 1)
            yield return new ValidationProblem("power_factor", $"must be in (0, 1], got {PowerFactor}");
        if (RatedKva is { } kva && !(kva > 0 && double.IsFinite(kva)))
            yield return new ValidationProblem("rated_kva", $"must be a finite number > 0, got {kva}");
        if (CutOutPercent is < 0 or > 100)
            yield return new ValidationProblem("cut_out_percent", $"must be in [0, 100], got {CutOutPercent}");
        if (CutInPercent < CutOutPercent || CutInPercent > 100)
            yield return new ValidationProblem("cut_in_percent", $"must be in [cut_out_percent, 100], got {CutInPercent}");
        foreach (var p in Profile.Validate())
            yield return p with { Path = "profile." + p.Path };
    }
}
