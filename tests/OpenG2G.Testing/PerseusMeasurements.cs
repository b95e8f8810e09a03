using System.Globalization;

namespace OpenG2G.Testing;

/// <summary>
/// The raw Perseus (SOSP '24) ZeusGlobal measurements in <c>../shared/data/perseus-sosp24/zeus_global_{gpu}.csv</c>,
/// read directly (not through the trace library), as an independent reference for power-capped training.
/// </summary>
public static class PerseusMeasurements
{
    /// <summary>One measured global power limit: iteration time and energy of the whole job (all its GPUs).</summary>
    public sealed record Point(double PowerLimitW, double IterationTimeS, double IterationEnergyJ, int Gpus)
    {
        /// <summary>Average power per GPU: energy / time / GPUs.</summary>
        public double PowerPerGpuW => IterationEnergyJ / IterationTimeS / Gpus;
    }

    /// <summary>The points of <paramref name="model"/> on <paramref name="gpu"/> (A100 or A40), ascending power limit.</summary>
    public static IReadOnlyList<Point> Of(string model, string gpu)
    {
        var points = new List<Point>();
        foreach (string line in File.ReadLines(SharedData.PathOf($"data/perseus-sosp24/zeus_global_{gpu}.csv")).Skip(1))
        {
            // model_name, "partition_method" (quoted, holds commas), batch_size, dp, tp, pp, microbatch_size,
            // num_microbatches, power_limit_0 ... power_limit_{pp-1}, time, energy, optimal_power_limit
            int close = line.IndexOf("\",", StringComparison.Ordinal);
            if (!line.StartsWith(model + ",", StringComparison.Ordinal) || close < 0)
                continue;
            string[] rest = line[(close + 2)..].Split(',');
            int dp = Int(rest[1]), tp = Int(rest[2]), pp = Int(rest[3]);
            points.Add(new Point(Double(rest[6]), Double(rest[6 + pp]), Double(rest[7 + pp]), dp * tp * pp));
        }
        return points.OrderBy(p => p.PowerLimitW).ToList();
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
