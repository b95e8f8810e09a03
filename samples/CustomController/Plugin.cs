using OpenG2G.Core.Composition;

[assembly: OpenG2GPlugin(typeof(CustomController.Plugin))]

namespace CustomController;

/// <summary>
/// The plug-in's entry point, named by the assembly attribute above. It registers each type under the
/// name scenario files use in <c>type:</c>.
/// </summary>
public sealed class Plugin : IPlugin
{
    public void Register(ComponentRegistry registry)
    {
        registry.AddController<VoltageStepOptions>(
            "voltage-step",
            "steps every model's batch size one feasible size down while the datacenter's bus is below a threshold, and back up above it",
            (options, context) => new VoltageStepController(options, context));
        registry.AddDatacenter<ConstantLoadOptions>(
            "constant-load",
            "a site drawing constant power per phase (no GPUs, no knobs)",
            (options, context) => new ConstantLoadDatacenter(context.Name, context.Period, options));
    }
}
