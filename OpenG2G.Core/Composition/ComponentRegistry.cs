using OpenG2G.Core.Components;
using OpenG2G.Core.Options;

namespace OpenG2G.Core.Composition;

/// <summary>
/// Component types by the name the YAML <c>type:</c> key uses, with the options record each binds.
/// Built-in libraries and plug-ins register explicitly (no assembly scanning). Options records are
/// sealed records with a parameterless constructor and <c>init</c> properties carrying their defaults;
/// the scenario loader binds YAML keys in snake_case (<c>period_s</c>) to properties (<c>PeriodS</c>)
/// and then calls <see cref="IValidatable.Validate"/> when the record implements it.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<string, ComponentRegistration> _datacenters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ComponentRegistration> _grids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ComponentRegistration> _controllers = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<ComponentRegistration> Datacenters => _datacenters.Values;
    public IReadOnlyCollection<ComponentRegistration> Grids => _grids.Values;
    public IReadOnlyCollection<ComponentRegistration> Controllers => _controllers.Values;

    public void AddDatacenter<TOptions>(string type, string summary, Func<TOptions, DatacenterBuildContext, IDatacenter> create)
        where TOptions : class, new() =>
        Add(_datacenters, new ComponentRegistration(ComponentKind.Datacenter, type, summary, typeof(TOptions),
            (o, c) => create((TOptions)o, (DatacenterBuildContext)c)));

    public void AddGrid<TOptions>(string type, string summary, Func<TOptions, GridBuildContext, IGrid> create)
        where TOptions : class, new() =>
        Add(_grids, new ComponentRegistration(ComponentKind.Grid, type, summary, typeof(TOptions),
            (o, c) => create((TOptions)o, (GridBuildContext)c)));

    public void AddController<TOptions>(string type, string summary, Func<TOptions, ControllerBuildContext, IController> create)
        where TOptions : class, new() =>
        Add(_controllers, new ComponentRegistration(ComponentKind.Controller, type, summary, typeof(TOptions),
            (o, c) => create((TOptions)o, (ControllerBuildContext)c)));

    /// <summary>The registration for <paramref name="type"/> of <paramref name="kind"/>, or null.</summary>
    public ComponentRegistration? Find(ComponentKind kind, string type) =>
        Table(kind).TryGetValue(type, out var r) ? r : null;

    /// <summary>Registered type names of <paramref name="kind"/>, sorted.</summary>
    public IReadOnlyList<string> TypeNames(ComponentKind kind) =>
        Table(kind).Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    private Dictionary<string, ComponentRegistration> Table(ComponentKind kind) => kind switch
    {
        ComponentKind.Datacenter => _datacenters,
        ComponentKind.Grid => _grids,
        ComponentKind.Controller => _controllers,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static void Add(Dictionary<string, ComponentRegistration> table, ComponentRegistration registration)
    {
        if (string.IsNullOrWhiteSpace(registration.Type))
            throw new ArgumentException("a component type name must not be empty");
        if (!table.TryAdd(registration.Type, registration))
            throw new InvalidOperationException($"{registration.Kind.ToString().ToLowerInvariant()} type '{registration.Type}' is registered twice");
    }
}

/// <summary>Which slot of a scenario a component type fills.</summary>
public enum ComponentKind
{
    Datacenter,
    Grid,
    Controller,
}

/// <summary>One registered component type.</summary>
/// <param name="Kind">Datacenter, grid or controller.</param>
/// <param name="Type">The YAML <c>type:</c> name.</param>
/// <param name="Summary">One line for <c>openg2g schema</c> and error messages.</param>
/// <param name="OptionsType">The options record the YAML binds to.</param>
/// <param name="Create">Factory: (bound options, build context) to component.</param>
public sealed record ComponentRegistration(
    ComponentKind Kind,
    string Type,
    string Summary,
    Type OptionsType,
    Func<object, object, ISimComponent> Create);
