using OpenG2G.Core.Diagnostics;

namespace OpenG2G.Scenarios.Binding;

/// <summary>
/// Where each YAML path (<c>controllers[0].kp</c>) was written, so that problems found after binding
/// (validation, component construction) can be reported at the nearest written node.
/// </summary>
public sealed class LocationMap
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    public void Record(string path, SourceLocation location) => _locations[path] = location;

    /// <summary>The location of <paramref name="path"/>, else of its nearest written ancestor, else <see cref="SourceLocation.None"/>.</summary>
    public SourceLocation Find(string path)
    {
        string p = path;
        while (true)
        {
            if (_locations.TryGetValue(p, out SourceLocation l))
                return l;
            if (p.Length == 0)
                return SourceLocation.None;
            p = Parent(p);
        }
    }

    /// <summary><paramref name="parent"/>.<paramref name="key"/>, or the key alone at the top.</summary>
    public static string Join(string parent, string key) =>
        parent.Length == 0 ? key : key.Length == 0 ? parent : key.StartsWith('[') ? parent + key : parent + "." + key;

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
