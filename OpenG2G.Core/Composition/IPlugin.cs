namespace OpenG2G.Core.Composition;

/// <summary>
/// Entry point of a plug-in assembly. The assembly names its plug-in class with
/// <c>[assembly: OpenG2GPlugin(typeof(MyPlugin))]</c>; the scenario loader creates it and calls
/// <see cref="Register"/>, which adds the plug-in's component types under the names its YAML uses.
/// </summary>
public interface IPlugin
{
    void Register(ComponentRegistry registry);
}

/// <summary>Names the <see cref="IPlugin"/> class of a plug-in assembly (explicit, no scanning).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class OpenG2GPluginAttribute : Attribute
{
    public OpenG2GPluginAttribute(Type pluginType) => PluginType = pluginType;

    public Type PluginType { get; }
}
