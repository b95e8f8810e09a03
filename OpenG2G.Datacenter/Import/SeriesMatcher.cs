using System.Globalization;

namespace OpenG2G.Datacenter.Import;

/// <summary>
/// Picks the measured power series most similar to a configuration that has only a steady-state
/// summary. Distance = 2 when the architecture differs (dense vs MoE vs hybrid)
/// + |log2 batch - log2 batch'| + |log2 activated params - log2 activated params'|; ties go to
/// the first candidate in (label, batch size) order. The chosen series is then rescaled to the
/// configuration's measured mean power (<see cref="Traces.Provenance.Synthesised"/>).
/// </summary>
internal sealed class SeriesMatcher
{
    private readonly List<Candidate> _candidates;

    public SeriesMatcher(IEnumerable<Candidate> candidates)
    {
        _candidates = candidates.ToList();
    }

    /// <summary>A measured series available as a template.</summary>
    public sealed record Candidate(string Label, string Architecture, double ActivatedParamsBillions, int BatchSize, int SeriesId, double MeanPowerWPerGpu);

    public Candidate Choose(string architecture, double activatedParamsBillions, int batchSize)
    {
        Candidate? best = null;
        double bestDistance = double.PositiveInfinity;
        foreach (var c in _candidates)
        {
            double d = (string.Equals(c.Architecture, architecture, StringComparison.Ordinal) ? 0.0 : 2.0)
                + Math.Abs(Math.Log2(batchSize) - Math.Log2(c.BatchSize))
                + Math.Abs(Math.Log2(activatedParamsBillions) - Math.Log2(c.ActivatedParamsBillions));
            if (d < bestDistance - 1e-12)
            {
                best = c;
                bestDistance = d;
            }
        }
        return best ?? throw new InvalidOperationException("no measured series to synthesise from");
    }

    public static string Describe(Candidate c) => string.Create(CultureInfo.InvariantCulture, $"{c.Label} batch {c.BatchSize} (series {c.SeriesId})");
}
