namespace OpenG2G.Datacenter.Options;

/// <summary>
/// Facility overhead (cooling, power conversion) on top of IT power. Default off (PUE 1), so the
/// published OpenG2G cases reproduce. Overhead per phase = (PUE - 1) x IT power of that phase,
/// optionally following IT power through a first-order lag (cooling responds slowly to heat).
/// </summary>
public sealed record FacilityOverheadOptions
{
    /// <summary>Power usage effectiveness (&gt;= 1). Default 1 (no overhead).</summary>
    public double Pue { get; init; } = 1.0;

    /// <summary>Time constant of the overhead's lag behind IT power, in seconds (0 = instantaneous). Default 0.</summary>
    public double CoolingTimeConstantS { get; init; }
}
