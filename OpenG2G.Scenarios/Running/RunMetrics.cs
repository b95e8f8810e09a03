using OpenG2G.Core.Events;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Scenarios.Running;

/// <summary>
/// What a run's <see cref="RunSummary"/> is made of, as one observer: Core's voltage, service and training
/// accumulators and the command and event counts. <c>openg2g run</c>, sweeps and the RL environment all build
/// their summaries with it, so a field added to the summary reaches every one of them.
/// </summary>
public sealed class RunMetrics : ISimulationObserver
{
    private readonly BuiltScenario _built;

    public RunMetrics(BuiltScenario built, VoltageBand band)
    {
        _built = built;
        Band = band;
        Voltage = new VoltageMetricsAccumulator(band, built.ExcludedBuses, built.Definition.Grid?.Period.TotalSeconds ?? 0.0);
        Service = new ServiceMetricsAccumulator(built.ItlDeadlinesS);
    }

    public VoltageBand Band { get; }

    public VoltageMetricsAccumulator Voltage { get; }

    public ServiceMetricsAccumulator Service { get; }

    public TrainingMetricsAccumulator Training { get; } = new();

    public long Commands { get; private set; }

    public long Events { get; private set; }

    public void OnGridState(GridState state) => Voltage.Add(state);

    public void OnDatacenterState(DatacenterState state)
    {
        Service.Add(state);
        Training.Add(state);
    }

    public void OnCommand(CommandRecord record) => Commands++;

    public void OnEvent(SimEvent simEvent) => Events++;

    /// <summary>The summary so far: <paramref name="error"/> null when completed, the simulated time reached otherwise.</summary>
    public RunSummary Summary(Simulation simulation, ulong seed, bool completed, string? error, double wallTimeS)
    {
        ScenarioDefinition d = _built.Definition;
        return new RunSummary(
            d.Name, completed, error, Band, _built.ExcludedBuses, Voltage.Result(), Service.Result(), Training.Result(), seed, ScenarioRunner.Version,
            d.Duration.TotalSeconds, completed ? d.Duration.TotalSeconds : simulation.Now.Seconds,
            simulation.GridSteps, simulation.DatacenterSteps, simulation.ControllerSteps, Commands, Events, wallTimeS);
    }
}
