namespace OpenG2G.Datacenter.Traces;

/// <summary>One measured operating point of a workload under a GPU power limit.</summary>
/// <param name="PowerLimitW">Power limit set on every GPU, in watts.</param>
/// <param name="PowerPerGpuW">Measured average power per GPU in watts.</param>
/// <param name="TimePerUnitS">Measured time per unit of work (epoch or iteration, see <see cref="PowerCapResponse.Unit"/>) in seconds.</param>
public sealed record PowerCapPoint(double PowerLimitW, double PowerPerGpuW, double TimePerUnitS);
