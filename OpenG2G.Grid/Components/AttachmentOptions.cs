using OpenG2G.Core.Composition;
using OpenG2G.Core.Options;

namespace OpenG2G.Grid.Components;

/// <summary>
/// A PV system or an external load at a bus: <see cref="PeakKwPerPhase"/> times its profile on each
/// phase, reactive power from <see cref="PowerFactor"/> (lagging for loads; PV injects at unity by
/// default). PV is modelled as a negative load.
/// </summary>
public sealed record AttachmentOptions : IValidatable
{
    public string Name { get; init; } = string.Empty;
    public string Bus { get; init; } = string.Empty;
    public double PeakKwPerPhase { get; init; }
    public double PowerFactor { get; init; } = 1.0;
    public LoadConnection Connection { get; init; } = LoadConnection.Wye;
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
