using OpenG2G.Core.Kernel;
using OpenG2G.Core.Metrics;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;

namespace OpenG2G.Scenarios.Running;

/// <summary>
/// Everything that watches one run: the summary's metrics, and optionally the Parquet
/// writers and the plot data. <see cref="Close"/> closes every writer even when one fails, so finished rows are
/// never lost.
/// </summary>
internal sealed class RunRecorders
{
    private readonly List<IDisposable> _writers = new();

    public RunRecorders(BuiltScenario built, VoltageBand band, bool plots)
    {
        ScenarioDefinition d = built.Definition;
        Metrics = new RunMetrics(built, band);
        TimeSpan datacenterPeriod = d.Datacenters.Select(x => x.Period).DefaultIfEmpty(d.Duration).Min();
        Plots = plots ? new PlotCollector(built.ExcludedBuses, d.Duration, d.Grid?.Period, datacenterPeriod) : null;
    }

    /// <summary>The accumulators the run's summary comes from.</summary>
    public RunMetrics Metrics { get; }

    public PlotCollector? Plots { get; }

    /// <summary>
    /// Add the accumulators and plot data to <paramref name="simulation"/>; with a <paramref name="directory"/>, also
    /// open one Parquet writer per file family there (without one, the run is kept in memory as its summary only).
    /// </summary>
    public void Attach(Simulation simulation, BuiltScenario built, string? directory)
    {
        simulation.AddObserver(Metrics);
        if (Plots is not null)
            simulation.AddObserver(Plots);
        if (directory is null)
            return;
        OutputOptions outputs = built.Definition.Header.Outputs;
        int rows = outputs.RowGroupRows;
        if (outputs.BusVoltages)
            Add(simulation, new BusVoltageWriter(directory, rows));
        Add(simulation, new GridWriter(directory, rows, built.ExcludedBuses));
        Add(simulation, new DatacenterWriter(directory, rows));
        Add(simulation, new CommandEventWriter(directory, rows));
    }

    /// <summary>Close every writer; returns the first failure (each is also logged).</summary>
    public Exception? Close(RunLog? log)
    {
        Exception? first = null;
        foreach (IDisposable w in _writers)
        {
            try
            {
                w.Dispose();
            }
            catch (Exception e)
            {
                first ??= e;
                log?.Write("closing a writer failed: " + e.Message);
            }
        }
        return first;
    }

    private void Add<T>(Simulation simulation, T writer)
        where T : ISimulationObserver, IDisposable
    {
        _writers.Add(writer);
        simulation.AddObserver(writer);
    }
}
