using OpenG2G.Core.Composition;

namespace OpenG2G.Grid.Components;

/// <summary>Registers the grid component types of this library under the names scenarios use.</summary>
public static class GridComponents
{
    public static void Register(ComponentRegistry registry) =>
        registry.AddGrid<OpenDssGridOptions>(
            "opendss",
            "three-phase unbalanced power flow of an OpenDSS feeder with datacenters, PV, loads and batteries",
            (options, context) => new OpenDssGrid(options, context));
}
