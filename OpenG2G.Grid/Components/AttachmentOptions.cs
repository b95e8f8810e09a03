using OpenG2G.Core.Composition;
using OpenG2G.Core.Options;

namespace OpenG2G.Grid.Components;

/// <summary>
/// An external load at a bus: <see cref="PeakKwPerPhase"/> times its profile on each phase, constant
/// PQ (OpenDSS model 1), reactive power from the lagging <see cref="PowerFactor"/>. PV systems have
/// their own options (<see cref="PvOptions"/>).
/// </summary>
public sealed record AttachmentOptions : IValidatable
{
    /// <summary>Label in the results tables. Required, unique.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Bus it connects to. Required.</summary>
    public string Bus { get; init; } = string.Empty;

    /// <summary>Real power per phase at profile value 1, kW (>= 0).</summary>
    public double PeakKwPerPhase { get; init; }

    /// <summary>Power factor, lagging (default 1).</summary>
    public double PowerFactor { get; init; } = 1.0;

    /// <summary>wye (default) or delta.</summary>
    public LoadConnection Connection { get; init; } = LoadConnection.Wye;

    /// <summary>Multiplier of the peak power against time (default constant 1).</summary>
    public ProfileOptions Profile { get; init; } = new();

    public IEnumerable<ValidationProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
            yield return new ValidationProblem("name", "must not be empty");
        if (string.IsNullOrWhiteSpace(Bus))
            yield return new ValidationProblem("bus", "must not be empty");
        if (PeakKwPerPhase < 0)
            yield return new ValidationProblem("peak_kw_per_phase", $"must be >= 0, got {PeakKwPerPhase}");
        if (PowerFactor is <= 0 or > 1)
            yield return new ValidationProblem("power_factor", $"must be in (0, 1], got {PowerFactor}");
        foreach (var p in Profile.Validate())
            yield return p with { Path = "profile." + p.Path };
    }
}
