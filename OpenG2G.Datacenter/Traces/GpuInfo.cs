namespace OpenG2G.Datacenter.Traces;

/// <summary>Facts about one GPU type used by the trace library.</summary>
/// <param name="Name">GPU type as the library names it (e.g. <c>H100</c>).</param>
/// <param name="MaxPowerW">Board power limit (TDP) in watts.</param>
/// <param name="IdlePowerW">Power of a powered-on GPU that serves nothing, in watts.</param>
/// <param name="IdleSource">Where <paramref name="IdlePowerW"/> comes from (a measurement, or a documented default).</param>
public sealed record GpuInfo(string Name, double MaxPowerW, double IdlePowerW, string IdleSource);
