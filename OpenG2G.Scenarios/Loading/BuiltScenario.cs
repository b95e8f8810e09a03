using System.Collections.Immutable;
using OpenG2G.Core.Kernel;

namespace OpenG2G.Scenarios.Loading;

/// <summary>A scenario's components, built and wired, ready to run.</summary>
/// <param name="Definition">What was loaded.</param>
/// <param name="Setup">Components and duration for the kernel.</param>
/// <param name="ExcludedBuses">Buses left out of voltage metrics (the grid's, lower-case).</param>
/// <param name="ItlDeadlinesS">ITL deadline per model label, from the datacenters.</param>
public sealed record BuiltScenario(
    ScenarioDefinition Definition,
    SimulationSetup Setup,
    ImmutableArray<string> ExcludedBuses,
    ImmutableDictionary<string, double> ItlDeadlinesS);
