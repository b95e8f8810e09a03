using System.Reflection;
using OpenG2G.Core.Composition;

namespace OpenG2G.Scenarios.Plugins;

/// <summary>
/// Loads a plug-in assembly named by a scenario and lets its <see cref="IPlugin"/> (the class its
/// <c>[assembly: OpenG2GPlugin(typeof(...))]</c> names; no scanning) register its component types.
/// An assembly is loaded once per process; its plug-in registers into every registry that asks.
/// </summary>
public static class PluginLoader
{
    private static readonly Dictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);
    private static readonly object Gate = new();

    /// <summary>
    /// Load <paramref name="fullPath"/> and register its types into <paramref name="registry"/>.
    /// Returns null on success, else a message saying what is wrong and what was expected.
    /// </summary>
    public static string? Load(string fullPath, ComponentRegistry registry)
    {
        if (!File.Exists(fullPath))
            return $"plug-in assembly not found: {fullPath} (build the plug-in first)";
        Assembly assembly;
        try
        {
            lock (Gate)
            {
                if (!Loaded.TryGetValue(fullPath, out assembly!))
                {
                    assembly = new PluginLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
                    Loaded[fullPath] = assembly;
                }
            }
        }
        catch (BadImageFormatException)
        {
            return $"{fullPath} is not a .NET assembly";
        }
        catch (Exception e) when (e is FileLoadException or IOException)
        {
            return $"cannot load plug-in assembly {fullPath}: {e.Message}";
        }

        OpenG2GPluginAttribute? attribute;
        try
        {
            attribute = assembly.GetCustomAttribute<OpenG2GPluginAttribute>();
        }
        catch (Exception e)
        {
            return $"cannot read the attributes of plug-in assembly {assembly.GetName().Name}: {e.Message}";
        }
        if (attribute is null)
            return $"assembly {assembly.GetName().Name} has no [assembly: OpenG2GPlugin(typeof(YourPlugin))] naming its IPlugin class";
        if (!typeof(IPlugin).IsAssignableFrom(attribute.PluginType))
            return $"{attribute.PluginType.FullName}, named by OpenG2GPlugin in {assembly.GetName().Name}, does not implement {typeof(IPlugin).FullName}";
        if (attribute.PluginType.GetConstructor(Type.EmptyTypes) is null)
            return $"{attribute.PluginType.FullName} needs a public parameterless constructor";
        try
        {
            var plugin = (IPlugin)Activator.CreateInstance(attribute.PluginType)!;
            plugin.Register(registry);
        }
        catch (Exception e)
        {
            Exception inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
            return $"plug-in {attribute.PluginType.FullName} failed to register its components: {inner.Message}";
        }
        return null;
    }
}
