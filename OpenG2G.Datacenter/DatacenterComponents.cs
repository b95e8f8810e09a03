using OpenG2G.Core.Composition;
using OpenG2G.Datacenter.Options;
using OpenG2G.Datacenter.Replay;

namespace OpenG2G.Datacenter;

/// <summary>Registers the datacenter component types of this library.</summary>
public static class DatacenterComponents
{
    /// <summary>YAML <c>type:</c> of the trace-replay datacenter.</summary>
    public const string TraceReplay = "trace-replay";

    public static void Register(ComponentRegistry registry) =>
        registry.AddDatacenter<TraceReplayOptions>(
            TraceReplay,
            "GPU datacenter replaying measured power, latency and throughput from the trace library (batch size, power cap and replica knobs)",
            TraceReplayDatacenter.Create);
}
