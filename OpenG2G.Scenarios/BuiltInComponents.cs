using OpenG2G.Controllers;
using OpenG2G.Core.Composition;
using OpenG2G.Datacenter;
using OpenG2G.Grid.Components;

namespace OpenG2G.Scenarios;

/// <summary>The component types that ship with OpenG2G, registered by their libraries.</summary>
public static class BuiltInComponents
{
    /// <summary>A registry holding every built-in grid, datacenter and controller type.</summary>
    public static ComponentRegistry CreateRegistry()
    {
        var registry = new ComponentRegistry();
        GridComponents.Register(registry);
        DatacenterComponents.Register(registry);
        ControllerComponents.Register(registry);
        return registry;
    }
}
