using System.Reflection;
using OpenG2G.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Binding;

/// <summary>
/// Binds YAML nodes to options records (snake_case keys to properties, see <see cref="OptionShape"/>),
/// collecting every problem (unknown key with a suggestion, wrong type, bad enum value) as a located
/// diagnostic instead of stopping at the first. Records keep their defaults for keys not written.
/// </summary>
public sealed partial class YamlBinder
{
    private readonly string _file;

    public YamlBinder(string file, List<Diagnostic> diagnostics, LocationMap locations)
    {
        _file = file;
        Diagnostics = diagnostics;
        Locations = locations;
    }

    private readonly NullabilityInfoContext _nullability = new();

    public List<Diagnostic> Diagnostics { get; }

    public LocationMap Locations { get; }

    /// <summary>The file:line:column of <paramref name="node"/> (YamlDotNet marks are 1-based).</summary>
    public SourceLocation Locate(YamlNode node) =>
        OverrideOrigins.TryGetValue(node, out string? origin)
            ? new SourceLocation(origin, 0, 0)
            : new SourceLocation(_file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Nodes that came from <c>--set</c>, with the option's text to report instead of a file position.</summary>
    public Dictionary<YamlNode, string> OverrideOrigins { get; } = new(ReferenceEqualityComparer.Instance);

    public void Error(YamlNode node, string path, string message)
    {
        FailedPaths.Add(path);
        Diagnostics.Add(Diagnostic.Error(Locate(node), path, message));
    }

    /// <summary>Paths whose value could not be bound; validation problems there would only repeat the error.</summary>
    public HashSet<string> FailedPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>Bind <paramref name="node"/> to <paramref name="type"/>; null (with a diagnostic) when it does not fit.</summary>
    public object? Bind(YamlNode node, Type type, string path, bool nullableReference = false)
    {
        Locations.Record(path, Locate(node));
        Type? nullable = Nullable.GetUnderlyingType(type);
        if (IsNull(node))
        {
            if (nullable is not null || nullableReference)
                return null;
            Error(node, path, $"expected {Describe(type)}, got null");
            return null;
        }
        Type target = nullable ?? type;
        if (OptionShape.ListElement(target) is Type element)
            return BindList(node, target, element, path);
        if (OptionShape.IsRecord(target))
        {
            if (node is YamlMappingNode map)
                return BindRecord(map, target, path, null, null);
            Error(node, path, $"expected a mapping of keys, got {DescribeNode(node)}");
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, path, $"expected {Describe(target)}, got {DescribeNode(node)}");
            return null;
        }
        return BindScalar(scalar, target, path);
    }

    /// <summary>
    /// Fill a new <paramref name="type"/> from <paramref name="map"/>. Keys in <paramref name="handledElsewhere"/>
    /// are skipped (the scenario layer reads them) but count as known for suggestions; <paramref name="other"/>
    /// receives keys the record does not have (the layer record of a component) before they count as unknown.
    /// </summary>
    public object BindRecord(YamlMappingNode map, Type type, string path, IReadOnlyCollection<string>? handledElsewhere, Type? other, object? otherInstance = null)
    {
        object instance = Activator.CreateInstance(type)!;
        var keys = OptionShape.Keys(type).ToDictionary(k => k.Key, k => k.Property, StringComparer.Ordinal);
        var otherKeys = other is null ? new Dictionary<string, PropertyInfo>() : OptionShape.Keys(other).ToDictionary(k => k.Key, k => k.Property, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Locations.Record(path, Locate(map));
        foreach (var (keyNode, valueNode) in map.Children)
        {
            string key = keyNode is YamlScalarNode k ? k.Value ?? string.Empty : string.Empty;
            string keyPath = LocationMap.Join(path, key);
            if (!seen.Add(key))
            {
                Error(keyNode, keyPath, "is given twice");
                continue;
            }
            if (handledElsewhere?.Contains(key) == true)
                continue;
            // Placement keys (name, type, period_s, ...) win over an options property of the same name.
            (object target, PropertyInfo? property) = otherInstance is not null && otherKeys.TryGetValue(key, out PropertyInfo? q)
                ? (otherInstance, q)
                : keys.TryGetValue(key, out PropertyInfo? p) ? (instance, p) : (instance, null);
            if (property is null)
            {
                var known = keys.Keys.Concat(otherKeys.Keys).Concat(handledElsewhere ?? []).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
                Error(keyNode, keyPath, UnknownKey(key, known));
                continue;
            }
            bool nullableReference = !property.PropertyType.IsValueType
                && _nullability.Create(property).WriteState == NullabilityState.Nullable;
            object? value = Bind(valueNode, property.PropertyType, keyPath, nullableReference);
            // A null is stored only where the property takes one; otherwise it was reported and the default stays.
            bool takesNull = nullableReference || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            if (value is not null || (IsNull(valueNode) && takesNull))
                property.SetValue(target, value);
        }
        return instance;
    }

    /// <summary><c>unknown key 'x'; did you mean 'y'?</c> or the list of keys the mapping accepts.</summary>
    public static string UnknownKey(string key, IReadOnlyCollection<string> known)
    {
        string? suggestion = DidYouMean.Closest(key, known);
        return suggestion is not null
            ? $"unknown key '{key}'; did you mean '{suggestion}'?"
            : $"unknown key '{key}'; expected one of: {string.Join(", ", known)}";
    }

    private object? BindList(YamlNode node, Type listType, Type element, string path)
    {
        if (node is not YamlSequenceNode seq)
        {
            Error(node, path, $"expected a list, got {DescribeNode(node)}");
            return null;
        }
        var items = new List<object?>();
        bool ok = true;
        for (int i = 0; i < seq.Children.Count; i++)
        {
            object? item = Bind(seq.Children[i], element, $"{path}[{i}]");
            if (item is null && !IsNull(seq.Children[i]))
                ok = false;
            items.Add(item);
        }
        return ok ? OptionShape.MakeList(listType, element, items) : null;
    }

    /// <summary>True for <c>~</c>, <c>null</c> or an empty plain scalar.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    public static string DescribeNode(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    /// <summary>What a value of <paramref name="type"/> looks like, for messages.</summary>
    public static string Describe(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
            return "one of " + string.Join(", ", OptionShape.EnumNames(t));
        if (t == typeof(double) || t == typeof(decimal) || t == typeof(float))
            return "a number";
        if (t == typeof(int) || t == typeof(long) || t == typeof(ulong))
            return "a whole number";
        if (t == typeof(bool))
            return "true or false";
        if (t == typeof(string))
            return "text";
        if (OptionShape.ListElement(t) is not null)
            return "a list";
        return "a mapping of keys";
    }
}
