namespace OpenG2G.Testing.Capabilities;

/// <summary>
/// A training job of <see cref="FakeBatchDatacenter"/>: its GPUs draw exactly the cap in force (or
/// <see cref="FakeBatchDatacenter.MaxCapW"/> uncapped) between <paramref name="StartS"/> and <paramref name="EndS"/>,
/// and its throughput fraction is sqrt(cap / max). Balanced over the three phases. Test fake, not a product feature.
/// </summary>
public sealed record FakeTrainingSpec(string Job, int Gpus, double StartS = 0, double EndS = double.PositiveInfinity);
