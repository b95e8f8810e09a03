using System.Collections.Immutable;
using OpenG2G.Controllers.Batching;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Rl;

/// <summary>
/// One controllable model of one target datacenter, as the <c>rl</c> controller sees it: its feasible
/// batch sizes (the action moves an index in them), its deadline, and what the controller remembers of it
/// during a run (batch index commanded, replicas at the first step, last move).
/// </summary>
internal sealed class RlModel
{
    private readonly ModelStateLookup _lookup;
    private readonly int _position;

    public RlModel(IBatchControllable site, int position, ModelStateLookup lookup)
    {
        ServedModelInfo info = site.Models[position];
        new FeasibleBatches(info.Model, info.FeasibleBatchSizes); // validates the sizes
        Site = site.Name;
        Model = info.Model;
        Sizes = info.FeasibleBatchSizes;
        ItlDeadlineS = info.ItlDeadlineS;
        _position = position;
        _lookup = lookup;
        Reset();
    }

    public string Site { get; }

    public string Model { get; }

    /// <summary>Feasible batch sizes, ascending.</summary>
    public ImmutableArray<int> Sizes { get; }

    public double ItlDeadlineS { get; }

    /// <summary>Index into <see cref="Sizes"/> last commanded (or found at the first step); -1 before it.</summary>
    public int CommandedIndex { get; set; }

    /// <summary>Active replicas at the first step (the reference of the replica fraction); -1 before it.</summary>
    public int ReferenceReplicas { get; set; }

    /// <summary>Last index move actually made: -1, 0 or +1.</summary>
    public int LastMove { get; set; }

    /// <summary>Dimension name prefix: <c>site/model</c>.</summary>
    public string Key => Site + "/" + Model;

    public void Reset()
    {
        CommandedIndex = -1;
        ReferenceReplicas = -1;
        LastMove = 0;
    }

    /// <summary>The model's state in a state of its site.</summary>
    public ModelState Observed(DatacenterState state) => _lookup.Get(state, _position);

    /// <summary>Index of the feasible size nearest to <paramref name="batch"/> (ties to the smaller).</summary>
    public int NearestIndex(int batch)
    {
        int best = 0;
        for (int i = 1; i < Sizes.Length; i++)
        {
            if (Math.Abs(Sizes[i] - batch) < Math.Abs(Sizes[best] - batch))
                best = i;
        }
        return best;
    }
}
