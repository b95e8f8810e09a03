using System.Collections.Immutable;

namespace OpenG2G.Scenarios.Sweeps;

/// <summary>
/// What one axis contributes: the parameters it sets and its points (each point one value per parameter). A
/// grid product over axes combines one point of each.
/// </summary>
internal sealed record AxisPoints(ImmutableArray<SweepParameter> Parameters, ImmutableArray<ImmutableArray<SweepValue>> Points)
{
    /// <summary>For the base-scenario axis: the scenario file of each point; otherwise empty.</summary>
    public ImmutableArray<string> Scenarios { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>True for the search axis (one placeholder point; its values are found while running).</summary>
    public bool IsSearch { get; init; }
}
