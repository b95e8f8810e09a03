using OpenG2G.Core.States;

namespace OpenG2G.Core.Metrics;

public sealed partial class ServiceMetricsAccumulator
{
    /// <summary>A model's time means and energy summed over the sites that serve it.</summary>
    private readonly record struct SiteSums(double MeanThroughput, double Tokens, double MeanPowerW, double EnergyJ);

    /// <summary>One model's running totals over all sites.</summary>
    private sealed class ModelTotals(double deadlineS)
    {
        public double DeadlineS { get; } = deadlineS;

        /// <summary>Valid ITL samples, in arrival order.</summary>
        public List<double> ItlSamples { get; } = new();

        /// <summary>Samples with replicas, by <see cref="ThroughputProvenance"/>.</summary>
        public long[] SourceCounts { get; } = new long[4];

        public long Samples;
        public long Valid;
        public long Misses;
        public double NominalSum;
        public double ItlSum;
        public double BatchSum;

        public ModelServiceMetrics Result(string model, double perTimestamp, SiteSums sums)
        {
            long served = SourceCounts.Sum();
            var sorted = ItlSamples.ToArray();
            Array.Sort(sorted);
            return new ModelServiceMetrics(
                model,
                sums.MeanThroughput,
                NominalSum * perTimestamp,
                LeastTrusted(),
                served > 0 ? (double)SourceCounts[(int)ThroughputProvenance.Measured] / served : double.NaN,
                sums.Tokens > 0 ? sums.EnergyJ / sums.Tokens : double.NaN,
                sums.MeanPowerW / 1000.0,
                sums.EnergyJ / 3.6e6,
                Valid > 0 ? ItlSum / Valid : double.NaN,
                SampleStatistics.Percentile(sorted, 0.50),
                SampleStatistics.Percentile(sorted, 0.90),
                SampleStatistics.Percentile(sorted, 0.99),
                Valid > 0 ? (double)Misses / Valid : 0.0,
                Samples > 0 ? BatchSum / Samples : double.NaN,
                Valid);
        }

        /// <summary>Unknown if any served sample did not say; else the least trustworthy source seen.</summary>
        private ThroughputProvenance LeastTrusted()
        {
            if (SourceCounts[(int)ThroughputProvenance.Unknown] > 0)
                return ThroughputProvenance.Unknown;
            for (int k = (int)ThroughputProvenance.Extrapolated; k >= (int)ThroughputProvenance.Measured; k--)
            {
                if (SourceCounts[k] > 0)
                    return (ThroughputProvenance)k;
            }
            return ThroughputProvenance.Unknown;
        }
    }
}
