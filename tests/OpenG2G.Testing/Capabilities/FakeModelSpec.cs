using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Testing.Capabilities;

/// <summary>One model served by a <see cref="FakeBatchDatacenter"/>. Test fake.</summary>
/// <param name="Model">Label.</param>
/// <param name="GpusPerReplica">GPUs per replica.</param>
/// <param name="FeasibleBatchSizes">Batch sizes accepted, ascending.</param>
/// <param name="ItlDeadlineS">ITL deadline in seconds.</param>
/// <param name="Curves">Per-replica fits; the fake datacenter's behaviour follows them exactly.</param>
public sealed record FakeModelSpec(
    string Model,
    int GpusPerReplica,
    ImmutableArray<int> FeasibleBatchSizes,
    double ItlDeadlineS,
    LogisticPerformanceCurves Curves)
{
    /// <summary>The published feasible sizes 8 ... 512.</summary>
    public static readonly ImmutableArray<int> StandardBatches = ImmutableArray.Create(8, 16, 32, 64, 128, 256, 512);

    public int InitialBatchSize { get; init; } = 128;

    public int Replicas { get; init; } = 10;

    /// <summary>Share of the model's servers on phases A, B, C.</summary>
    public ThreePhase PhaseShare { get; init; } = ThreePhase.Uniform(1.0 / 3.0);

    /// <summary>Multiplies the fitted ITL in the reported state (to make deadlines miss in tests).</summary>
    public double ItlFactor { get; init; } = 1.0;

    /// <summary>
    /// A model with synthetic but plausible H100-like curves: per-replica power rising from about
    /// 300 W x GPUs at batch 8 to 700 W x GPUs at 512, ITL rising towards the deadline at 512, throughput
    /// saturating. Not fitted to any measurement.
    /// </summary>
    public static FakeModelSpec Synthetic(string model, int gpusPerReplica, double itlDeadlineS, int replicas) =>
        new(model, gpusPerReplica, StandardBatches, itlDeadlineS,
            new LogisticPerformanceCurves(
                Power: new LogisticCurve(Height: 450.0 * gpusPerReplica, Slope: 1.0, Midpoint: 6.5, Floor: 260.0 * gpusPerReplica),
                Itl: new LogisticCurve(Height: 0.9 * itlDeadlineS, Slope: 1.2, Midpoint: 8.0, Floor: 0.2 * itlDeadlineS),
                Throughput: new LogisticCurve(Height: 6000.0, Slope: 1.1, Midpoint: 6.5, Floor: 0.0)))
        {
            Replicas = replicas,
        };

    /// <summary>The five models of the published IEEE 13 study (labels, GPUs, deadlines, replicas) with synthetic curves.</summary>
    public static ImmutableArray<FakeModelSpec> Ieee13Fleet() => ImmutableArray.Create(
        Synthetic("Llama-3.1-8B", 1, 0.08, 720),
        Synthetic("Llama-3.1-70B", 4, 0.10, 180),
        Synthetic("Llama-3.1-405B", 8, 0.12, 90),
        Synthetic("Qwen3-30B-A3B", 2, 0.06, 480),
        Synthetic("Qwen3-235B-A22B", 8, 0.14, 210));
}
