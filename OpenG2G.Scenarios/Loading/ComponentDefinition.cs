using OpenG2G.Core.Composition;

namespace OpenG2G.Scenarios.Loading;

/// <summary>
/// One component of a scenario after binding and validation: where it was written, its placement keys,
/// its registration and its bound options record.
/// </summary>
/// <param name="Path">YAML path of the entry, e.g. <c>controllers[0]</c>.</param>
/// <param name="Name">Component name (unique in the run).</param>
/// <param name="Period">Step period, exact.</param>
/// <param name="Placement">A <see cref="GridPlacement"/>, <see cref="DatacenterPlacement"/> or <see cref="ControllerPlacement"/>.</param>
/// <param name="Registration">The registered type.</param>
/// <param name="Options">The bound options record (of <see cref="ComponentRegistration.OptionsType"/>).</param>
public sealed record ComponentDefinition(
    string Path,
    string Name,
    TimeSpan Period,
    object Placement,
    ComponentRegistration Registration,
    object Options);
