namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// Which bus-phases carry voltage constraints: per limit, the <see cref="MpcOptions.ConstrainedNodes"/>
/// predicted closest to it over the horizon at the reference plan, and none while every bus-phase
/// stays more than <see cref="MpcOptions.ScreeningBandPu"/> inside it (plus the margin). On a radial
/// feeder the others follow the chosen ones; a bus-phase that comes close is chosen at the next step.
/// Chosen positions are returned in grid order, so the same choice gives the same QP pattern.
/// </summary>
internal static class MpcScreening
{
    public static (int[] Lower, int[] Upper) Choose(MpcPrediction prediction, int[] watched, MpcOptions options)
    {
        double lowLimit = options.VMinPu + options.VoltageMarginPu;
        double highLimit = options.VMaxPu - options.VoltageMarginPu;
        var lower = new List<(double Margin, int Node)>();
        var upper = new List<(double Margin, int Node)>();
        foreach (int n in watched)
        {
            double low = double.PositiveInfinity, high = double.PositiveInfinity;
            for (int k = 0; k < prediction.Steps; k++)
            {
                double v = prediction.ReferenceVoltage(n, k);
                if (double.IsNaN(v))
                    continue;
                low = Math.Min(low, v - lowLimit);
                high = Math.Min(high, highLimit - v);
            }
            if (double.IsFinite(low))
                lower.Add((low, n));
            if (double.IsFinite(high))
                upper.Add((high, n));
        }
        return (Pick(lower, options), Pick(upper, options));
    }

    private static int[] Pick(List<(double Margin, int Node)> candidates, MpcOptions options)
    {
        if (candidates.Count == 0 || candidates.Min(c => c.Margin) >= options.ScreeningBandPu)
            return Array.Empty<int>();
        return candidates
            .OrderBy(c => c.Margin)
            .ThenBy(c => c.Node)
            .Take(options.ConstrainedNodes)
            .Select(c => c.Node)
            .OrderBy(n => n)
            .ToArray();
    }
}
