using System.Collections.Immutable;
using System.Reflection;

namespace OpenG2G.Scenarios.Binding;

/// <summary>
/// How an options type looks from YAML: records (classes with a parameterless constructor) are
/// mappings of their settable properties in snake_case, lists are sequences, the rest are scalars.
/// Shared by the binder, the JSON Schema generator and the resolved-scenario writer, so the three agree.
/// </summary>
public static class OptionShape
{
    /// <summary>The YAML keys of record <paramref name="type"/> and their properties, in declaration order.</summary>
    public static IReadOnlyList<(string Key, PropertyInfo Property)> Keys(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(p => (NameCase.ToSnake(p.Name), p))
            .ToList();

    /// <summary>Element type when <paramref name="type"/> is a list (ImmutableArray, IReadOnlyList, array, ...), else null.</summary>
    public static Type? ListElement(Type type)
    {
        if (type == typeof(string))
            return null;
        if (type.IsArray)
            return type.GetElementType();
        if (type.IsGenericType)
        {
            Type def = type.GetGenericTypeDefinition();
            if (def == typeof(ImmutableArray<>) || def == typeof(IReadOnlyList<>) || def == typeof(IList<>) || def == typeof(List<>)
                || def == typeof(IEnumerable<>) || def == typeof(IReadOnlyCollection<>))
                return type.GetGenericArguments()[0];
        }
        return null;
    }

    /// <summary>True for a record the binder fills key by key.</summary>
    public static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && ListElement(type) is null && type.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>The YAML spelling of an enum member (<c>SyntheticPv</c> is <c>synthetic_pv</c>).</summary>
    public static IReadOnlyList<string> EnumNames(Type enumType) =>
        Enum.GetNames(enumType).Select(NameCase.ToSnake).ToList();

    /// <summary>A list of <paramref name="element"/> from bound items, in the collection type <paramref name="listType"/> wants.</summary>
    public static object MakeList(Type listType, Type element, IReadOnlyList<object?> items)
    {
        Array array = Array.CreateInstance(element, items.Count);
        for (int i = 0; i < items.Count; i++)
            array.SetValue(items[i], i);
        if (listType.IsGenericType && listType.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
            return typeof(OptionShape).GetMethod(nameof(ToImmutable), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(element).Invoke(null, [array])!;
        if (listType.IsGenericType && listType.GetGenericTypeDefinition() == typeof(List<>))
            return Activator.CreateInstance(listType, array)!;
        return array;
    }

    /// <summary>The items of a list value (ImmutableArray included), or an empty sequence for null/default.</summary>
    public static IEnumerable<object?> Items(object? list)
    {
        if (list is null)
            yield break;
        Type t = list.GetType();
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
            && (bool)t.GetProperty("IsDefault")!.GetValue(list)!)
            yield break;
        foreach (object? item in (System.Collections.IEnumerable)list)
            yield return item;
    }

    private static ImmutableArray<T> ToImmutable<T>(T[] items) => ImmutableArray.Create(items);
}
