namespace OpenG2G.Grid.Profiles;

/// <summary>
/// The synthetic PV and load shapes of the published OpenG2G studies (facts restated in
/// shared/STUDIES.md, "Synthetic profiles used there"): PV sites 0-2 and time-varying loads 0-4,
/// as multipliers of the peak power.
/// </summary>
public static class SyntheticProfiles
{
    public const int PvSites = 3;
    public const int LoadShapes = 5;

    /// <summary>PV site <paramref name="site"/> (0..2).</summary>
    public static IProfile Pv(int site) => site switch
    {
        0 => new Shape(t => PvValue(0.85 - 0.30 * t / 3600.0, 1 - 0.55 * Bump(t, 600, 120) - 0.40 * Bump(t, 2100, 180), Fluct(t, 0.3))),
        1 => new Shape(t => PvValue(0.55 + 0.40 * Bump(t, 1200, 900), 1 - 0.60 * Bump(t, 1680, 240) - 0.25 * Bump(t, 2400, 150), Fluct(t, 2.1))),
        2 => new Shape(t => PvValue(0.30 + 0.65 * Math.Min(1.0, t / 900.0), 1 - 0.70 * Bump(t, 2700, 300) - 0.30 * Bump(t, 1200, 100), Fluct(t, 9.4))),
        _ => throw new ArgumentOutOfRangeException(nameof(site), site, $"synthetic PV sites are 0..{PvSites - 1}"),
    };

    /// <summary>Time-varying load <paramref name="index"/> (0..4).</summary>
    public static IProfile Load(int index)
    {
        Func<double, double> baseShape = index switch
        {
            0 => t => 0.15 + 0.85 * Bump(t, 2280, 1400) + 0.20 * Bump(t, 2280, 180),
            1 => t => 0.10 + 0.50 * Bump(t, 1500, 600) + 0.80 * Bump(t, 2880, 500),
            2 => t => 0.80 - 0.55 * Bump(t, 1800, 1200) + 0.70 * Bump(t, 2520, 400),
            3 => t => 0.10 + 0.90 * Bump(t, 3120, 800),
            4 => t => 0.10 + 0.60 * Bump(t, 1080, 300) + 0.75 * Bump(t, 2100, 350) + 0.90 * Bump(t, 3300, 300),
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"synthetic loads are 0..{LoadShapes - 1}"),
        };
        return new Shape(t => Math.Max(0.0, baseShape(t) * (1 + 0.06 * Math.Sin(2 * Math.PI * t / (130 + 37 * index) + 1.4 * index))));
    }

    /// <summary>bump(t, c, w) = (1 - ((t - c)/w)^2)^2 inside |t - c| &lt; w, else 0.</summary>
    public static double Bump(double t, double c, double w)
    {
        double x = (t - c) / w;
        return Math.Abs(x) < 1 ? (1 - x * x) * (1 - x * x) : 0.0;
    }

    /// <summary>The sum-of-sines fluctuation around 1.</summary>
    public static double Fluct(double t, double s) =>
        1 + 0.06 * Math.Sin(2 * Math.PI * t / 173 + s) + 0.05 * Math.Sin(2 * Math.PI * t / 97.3 + 2.3 * s)
        + 0.04 * Math.Sin(2 * Math.PI * t / 251.7 + 0.7 * s) + 0.03 * Math.Sin(2 * Math.PI * t / 41.9 + 4.1 * s)
        + 0.02 * Math.Sin(2 * Math.PI * t / 317.3 + 1.9 * s);

    private static double PvValue(double shape, double cloud, double fluct) => Math.Max(0.0, shape * Math.Max(cloud, 0.05) * fluct);

    private sealed class Shape(Func<double, double> f) : IProfile
    {
        public double ValueAt(double timeS) => f(timeS);
    }
}
