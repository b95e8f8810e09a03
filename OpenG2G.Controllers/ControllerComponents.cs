using OpenG2G.Controllers.NoOp;
using OpenG2G.Core.Composition;

namespace OpenG2G.Controllers;

/// <summary>Registers the built-in controllers under the names the scenario YAML uses.</summary>
public static class ControllerComponents
{
    /// <summary>Add every built-in controller type to <paramref name="registry"/>.</summary>
    public static void Register(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddController<NoOpOptions>("noop", "does nothing (the fixed-batch, fixed-tap baseline)",
            (_, c) => new NoOpController(c.Name, c.Period));
    }
}
