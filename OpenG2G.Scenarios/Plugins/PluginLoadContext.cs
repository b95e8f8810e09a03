using System.Reflection;
using System.Runtime.Loader;

namespace OpenG2G.Scenarios.Plugins;

/// <summary>
/// Loads a plug-in and its private dependencies from its own folder, but takes every assembly the host
/// already has (OpenG2G.Core above all) from the host, so that <c>IPlugin</c>, <c>IController</c> and the
/// capability interfaces are the same types on both sides.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public PluginLoadContext(string pluginPath)
        : base("openg2g-plugin:" + Path.GetFileNameWithoutExtension(pluginPath), isCollectible: false) =>
        _resolver = new AssemblyDependencyResolver(pluginPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsHostAssembly(assemblyName))
            return null;
        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static bool IsHostAssembly(AssemblyName name)
    {
        if (name.Name is null)
            return false;
        if (name.Name.StartsWith("OpenG2G.", StringComparison.Ordinal))
            return true;
        return Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name.Name, StringComparison.Ordinal));
    }
}
