using System.Collections.Immutable;
using OpenG2G.Core.States;
using OpenG2G.Datacenter.Fits;

namespace OpenG2G.Datacenter.Traces;

/// <summary>
/// One measured inference configuration of the trace library: a model on replicas of a given
/// size and GPU type, with one <see cref="InferencePoint"/> per measured batch size and fitted
/// curves of power, latency and throughput against log2(batch size).
/// </summary>
public sealed class InferenceConfig
{
    public InferenceConfig(
        InferenceConfigKey key,
        string modelId,
        string architecture,
        double activatedParamsBillions,
        string weightPrecision,
        string sourceDataset,
        IEnumerable<InferencePoint> points,
        PerformanceCurves curves)
    {
        Key = key;
        ModelId = modelId;
        Architecture = architecture;
        ActivatedParamsBillions = activatedParamsBillions;
        WeightPrecision = weightPrecision;
        SourceDataset = sourceDataset;
        Points = points.OrderBy(p => p.BatchSize).ToImmutableArray();
        if (Points.IsEmpty)
            throw new ArgumentException($"{key}: an inference configuration needs at least one batch size");
        for (int i = 1; i < Points.Length; i++)
        {
            if (Points[i].BatchSize == Points[i - 1].BatchSize)
                throw new ArgumentException($"{key}: batch size {Points[i].BatchSize} appears twice");
        }
        BatchSizes = Points.Select(p => p.BatchSize).ToImmutableArray();
        Curves = curves;
    }

    public InferenceConfigKey Key { get; }

    /// <summary>Upstream model id (e.g. <c>meta-llama/Llama-3.1-8B-Instruct</c>).</summary>
    public string ModelId { get; }

    /// <summary>Dense Transformer, MoE, ...</summary>
    public string Architecture { get; }

    public double ActivatedParamsBillions { get; }

    public string WeightPrecision { get; }

    /// <summary>Dataset id the steady-state numbers come from.</summary>
    public string SourceDataset { get; }

    /// <summary>Measured batch sizes, ascending, with their steady-state numbers.</summary>
    public ImmutableArray<InferencePoint> Points { get; }

    /// <summary>Measured batch sizes, ascending.</summary>
    public ImmutableArray<int> BatchSizes { get; }

    /// <summary>Fitted curves against log2(batch size).</summary>
    public PerformanceCurves Curves { get; }

    /// <summary>The point at <paramref name="batchSize"/>, or null when that batch size was not measured.</summary>
    public InferencePoint? PointAt(int batchSize)
    {
        foreach (var p in Points)
        {
            if (p.BatchSize == batchSize)
                return p;
        }
        return null;
    }

    /// <summary>
    /// Where the throughput at <paramref name="batchSize"/> comes from: measured at that batch size, or a fit
    /// interpolated between the smallest and largest batch sizes whose throughput was measured, or extrapolated
    /// beyond them (also when none was measured). Throws <see cref="ArgumentException"/> for a batch size the
    /// configuration does not have.
    /// </summary>
    public ThroughputProvenance ThroughputProvenanceAt(int batchSize)
    {
        InferencePoint point = PointAt(batchSize) ?? throw new ArgumentException($"{Key} has no batch size {batchSize}");
        if (point.ThroughputSource == MeasuredThroughput)
            return ThroughputProvenance.Measured;
        var measured = Points.Where(p => p.ThroughputSource == MeasuredThroughput).Select(p => p.BatchSize).ToList();
        return measured.Count > 0 && batchSize > measured.Min() && batchSize < measured.Max()
            ? ThroughputProvenance.Interpolated
            : ThroughputProvenance.Extrapolated;
    }

    /// <summary>The <see cref="InferencePoint.ThroughputSource"/> of a measured throughput.</summary>
    public const string MeasuredThroughput = "measured";

    /// <summary>Measured when every point's power series is measured, synthesised otherwise.</summary>
    public Provenance SeriesProvenance =>
        Points.All(p => p.SeriesProvenance == Provenance.Measured) ? Provenance.Measured : Provenance.Synthesised;
}
