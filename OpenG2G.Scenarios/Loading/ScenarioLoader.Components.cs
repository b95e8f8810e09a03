using System.Collections.Immutable;
using OpenG2G.Core.Composition;
using OpenG2G.Core.Diagnostics;
using OpenG2G.Core.Options;
using OpenG2G.Scenarios.Binding;
using YamlDotNet.RepresentationModel;

namespace OpenG2G.Scenarios.Loading;

public sealed partial class ScenarioLoader
{
    private static ImmutableArray<ComponentDefinition> BindList(
        YamlBinder binder, ComponentRegistry registry, YamlMappingNode root, string key, ComponentKind kind, Type placementType)
    {
        var result = ImmutableArray.CreateBuilder<ComponentDefinition>();
        YamlNode? node = Child(root, key);
        if (node is null || YamlBinder.IsNull(node))
            return result.ToImmutable();
        binder.Locations.Record(key, binder.Locate(node));
        if (node is not YamlSequenceNode seq)
        {
            binder.Error(node, key, $"expected a list of {kind.ToString().ToLowerInvariant()}s, got {YamlBinder.DescribeNode(node)}");
            return result.ToImmutable();
        }
        for (int i = 0; i < seq.Children.Count; i++)
        {
            if (BindComponent(binder, registry, kind, seq.Children[i], $"{key}[{i}]", placementType) is ComponentDefinition c)
                result.Add(c);
        }
        return result.ToImmutable();
    }

    private static ComponentDefinition? BindComponent(YamlBinder binder, ComponentRegistry registry, ComponentKind kind, YamlNode node, string path, Type placementType)
    {
        string kindName = kind.ToString().ToLowerInvariant();
        binder.Locations.Record(path, binder.Locate(node));
        if (node is not YamlMappingNode map)
        {
            binder.Error(node, path, $"expected a mapping with type, name, period_s and the type's options, got {YamlBinder.DescribeNode(node)}");
            return null;
        }
        YamlNode? typeNode = Child(map, "type");
        string? typeName = (typeNode as YamlScalarNode)?.Value;
        if (typeNode is null || string.IsNullOrWhiteSpace(typeName))
        {
            binder.Error(typeNode ?? map, LocationMap.Join(path, "type"), $"is required; known {kindName} types: {string.Join(", ", registry.TypeNames(kind))}");
            return null;
        }
        ComponentRegistration? registration = registry.Find(kind, typeName);
        if (registration is null)
        {
            binder.Error(typeNode, LocationMap.Join(path, "type"), UnknownType(registry, kind, typeName));
            return null;
        }

        object placement = Activator.CreateInstance(placementType)!;
        object options = binder.BindRecord(map, registration.OptionsType, path, null, placementType, placement);
        Validate(binder, placement, path, map);
        Validate(binder, options, path, map);

        (string name, decimal periodS) = placement switch
        {
            GridPlacement g => (g.Name, g.PeriodS),
            DatacenterPlacement d => (d.Name, d.PeriodS),
            ControllerPlacement c => (string.IsNullOrEmpty(c.Name) ? registration.Type : c.Name, c.PeriodS),
            _ => throw new InvalidOperationException("unknown placement " + placementType.Name),
        };
        if (placement is DatacenterPlacement dp)
            CheckDatacenterPlacement(binder, dp, path);
        TimeSpan period = CheckPeriod(binder, periodS, LocationMap.Join(path, "period_s"), map, Child(map, "period_s") is not null);
        return new ComponentDefinition(path, name, period, placement, registration, options);
    }

    /// <summary>Unknown type: a suggestion, the kind it has when registered as something else, and the known types.</summary>
    private static string UnknownType(ComponentRegistry registry, ComponentKind kind, string typeName)
    {
        string kindName = kind.ToString().ToLowerInvariant();
        string known = string.Join(", ", registry.TypeNames(kind));
        foreach (ComponentKind other in Enum.GetValues<ComponentKind>())
        {
            if (other != kind && registry.Find(other, typeName) is not null)
                return $"'{typeName}' is a {other.ToString().ToLowerInvariant()} type, not a {kindName} type; known {kindName} types: {known}";
        }
        string? suggestion = DidYouMean.Closest(typeName, registry.TypeNames(kind));
        string hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
        return $"unknown {kindName} type '{typeName}'{hint}; known {kindName} types: {known}";
    }

    private static void CheckDatacenterPlacement(YamlBinder binder, DatacenterPlacement p, string path)
    {
        if (string.IsNullOrWhiteSpace(p.Bus) && !binder.FailedPaths.Contains(LocationMap.Join(path, "bus")))
            binder.Diagnostics.Add(Diagnostic.Error(binder.Locations.Find(path), LocationMap.Join(path, "bus"), "is required: the bus the datacenter connects to"));
        if (!(p.PowerFactor > 0 && p.PowerFactor <= 1))
            binder.Diagnostics.Add(Diagnostic.Error(binder.Locations.Find(LocationMap.Join(path, "power_factor")), LocationMap.Join(path, "power_factor"), $"must be in (0, 1], got {p.PowerFactor.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    /// <summary>Run <see cref="IValidatable.Validate"/> and report each problem at the nearest written node.</summary>
    private static void Validate(YamlBinder binder, object record, string path, YamlNode node)
    {
        if (record is not IValidatable v)
            return;
        IEnumerable<ValidationProblem> problems;
        try
        {
            problems = v.Validate().ToList();
        }
        catch (Exception e)
        {
            binder.Error(node, path, $"validation of {record.GetType().Name} failed: {e.Message}");
            return;
        }
        foreach (ValidationProblem p in problems)
        {
            string full = LocationMap.Join(path, p.Path);
            if (binder.FailedPaths.Contains(full))
                continue;
            binder.Diagnostics.Add(Diagnostic.Error(binder.Locations.Find(full), full, p.Message));
        }
    }
}
