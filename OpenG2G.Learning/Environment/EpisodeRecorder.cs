using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// Watches one episode with the same metrics a run folder's summary comes from (<see cref="RunMetrics"/>: Core's
/// accumulators, whatever fields they carry, and the command and event counts) and builds the episode's
/// <see cref="RunSummary"/>.
/// </summary>
internal sealed class EpisodeRecorder(BuiltScenario built, VoltageBand band) : ISimulationObserver
{
    private readonly RunMetrics _metrics = new(built, band);

    public void OnGridState(Core.States.GridState state) => _metrics.OnGridState(state);

    public void OnDatacenterState(Core.States.DatacenterState state) => _metrics.OnDatacenterState(state);

    public void OnCommand(Core.Events.CommandRecord record) => _metrics.OnCommand(record);

    public void OnEvent(Core.Events.SimEvent simEvent) => _metrics.OnEvent(simEvent);

    /// <summary>The summary of the episode so far (<paramref name="wallTimeS"/> is the only machine-dependent value).</summary>
    public RunSummary Summary(Simulation simulation, ulong seed, bool completed, double wallTimeS) =>
        _metrics.Summary(simulation, seed, completed, null, wallTimeS);
}
