namespace OpenG2G.Core.Metrics;

/// <summary>The acceptable voltage range in per unit (ANSI C84.1 range A by default: 0.95-1.05).</summary>
public sealed record VoltageBand(double VMinPu = 0.95, double VMaxPu = 1.05)
{
    public static readonly VoltageBand Default = new();
}
