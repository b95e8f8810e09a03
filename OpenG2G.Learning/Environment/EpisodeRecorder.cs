using OpenG2G.Core.Events;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Learning.Environment;

/// <summary>
/// Watches one episode with the same metric accumulators a run folder's summary comes from (Core's
/// <see cref="VoltageMetricsAccumulator"/> and <see cref="ServiceMetricsAccumulator"/>, whatever fields
/// they carry), counts commands and events, and builds the episode's <see cref="RunSummary"/>.
/// </summary>
internal sealed class EpisodeRecorder : ISimulationObserver
{
    private readonly BuiltScenario _built;
    private readonly VoltageBand _band;
    private readonly VoltageMetricsAccumulator _voltage;
    private readonly ServiceMetricsAccumulator _service;
    private long _commands;
    private long _events;

    public EpisodeRecorder(BuiltScenario built, VoltageBand band)
    {
        _built = built;
        _band = band;
        _voltage = new VoltageMetricsAccumulator(band, built.ExcludedBuses, built.Definition.Grid?.Period.TotalSeconds ?? 0.0);
        _service = new ServiceMetricsAccumulator(built.ItlDeadlinesS);
    }

    public void OnGridState(GridState state) => _voltage.Add(state);

    public void OnDatacenterState(DatacenterState state) => _service.Add(state);

    public void OnCommand(CommandRecord record) => _commands++;

    public void OnEvent(SimEvent simEvent) => _events++;

    /// <summary>The summary of the episode so far (<paramref name="wallTimeS"/> is the only machine-dependent value).</summary>
    public RunSummary Summary(Simulation simulation, ulong seed, bool completed, double wallTimeS)
    {
        ScenarioDefinition d = _built.Definition;
        return new RunSummary(
            d.Name, completed, null, _band, _built.ExcludedBuses, _voltage.Result(), _service.Result(), seed, ScenarioRunner.Version,
            d.Duration.TotalSeconds, completed ? d.Duration.TotalSeconds : simulation.Now.Seconds,
            simulation.GridSteps, simulation.DatacenterSteps, simulation.ControllerSteps, _commands, _events, wallTimeS);
    }
}
