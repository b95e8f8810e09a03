using System.Collections.Immutable;
using OpenG2G.Core.States;

namespace OpenG2G.Core.Components;

/// <summary>
/// The states a controller sees at one step: everything recorded since its previous step (at the
/// first step, since the start), plus the latest of each kind even when it is older.
/// </summary>
public sealed class ControllerInputs
{
    public ControllerInputs(
        ImmutableArray<GridState> gridStates,
        GridState? latestGrid,
        ImmutableArray<DatacenterState> datacenterStates,
        ImmutableDictionary<string, DatacenterState> latestDatacenters)
    {
        GridStates = gridStates;
        LatestGrid = latestGrid;
        DatacenterStates = datacenterStates;
        LatestDatacenters = latestDatacenters;
    }

    /// <summary>Grid snapshots since the previous controller step, oldest first.</summary>
    public ImmutableArray<GridState> GridStates { get; }

    /// <summary>The most recent grid snapshot of the run, or null before the first solve.</summary>
    public GridState? LatestGrid { get; }

    /// <summary>Datacenter states (all sites) since the previous controller step, oldest first.</summary>
    public ImmutableArray<DatacenterState> DatacenterStates { get; }

    /// <summary>The most recent state of each datacenter by name.</summary>
    public ImmutableDictionary<string, DatacenterState> LatestDatacenters { get; }

    /// <summary>The latest state of datacenter <paramref name="name"/>, or null when it has not stepped yet.</summary>
    public DatacenterState? LatestOf(string name) => LatestDatacenters.TryGetValue(name, out var s) ? s : null;
}
