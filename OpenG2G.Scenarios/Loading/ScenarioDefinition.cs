using System.Collections.Immutable;
using OpenG2G.Core.Composition;
using OpenG2G.Scenarios.Binding;

namespace OpenG2G.Scenarios.Loading;

/// <summary>A scenario file bound and validated: nothing in it is known to be wrong before components are built.</summary>
public sealed record ScenarioDefinition(
    string FilePath,
    string BaseDirectory,
    string Name,
    ScenarioHeader Header,
    TimeSpan Duration,
    ComponentDefinition? Grid,
    ImmutableArray<ComponentDefinition> Datacenters,
    ImmutableArray<ComponentDefinition> Controllers,
    ComponentRegistry Registry,
    LocationMap Locations,
    ImmutableArray<string> PluginPaths);
