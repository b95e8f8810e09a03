using OpenG2G.Core.Kernel;
using OpenG2G.Scenarios.Loading;
using OpenG2G.Scenarios.Results;
using OpenG2G.Scenarios.Running;

namespace OpenG2G.Scenarios.Tests.Support;

/// <summary>
/// The shipped IEEE 13 OFO study, all 3600 s, with a plot collector and the bus-voltage and datacenter
/// tables written beside it, so that what the plots keep can be compared with every row (read by DuckDB).
/// </summary>
public sealed class PlottedRun : IDisposable
{
    public PlottedRun()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("openg2g-plots-").FullName;
        Built = ScenarioRunner.Prepare(Repo.Ieee13Ofo);
        ScenarioDefinition d = Built.Definition;
        Collector = new PlotCollector(Built.ExcludedBuses, d.Duration, d.Grid!.Period, d.Datacenters[0].Period);
        var simulation = new Simulation(Built.Setup);
        using var buses = new BusVoltageWriter(Directory, 65536);
        using var datacenters = new DatacenterWriter(Directory, 65536);
        simulation.AddObserver(Collector);
        simulation.AddObserver(buses);
        simulation.AddObserver(datacenters);
        simulation.Run(d.Header.Seed);
    }

    public string Directory { get; }

    public BuiltScenario Built { get; }

    public PlotCollector Collector { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
