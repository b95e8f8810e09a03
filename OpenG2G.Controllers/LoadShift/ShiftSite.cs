using OpenG2G.Controllers.Batching;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.LoadShift;

/// <summary>
/// One site of a <c>load-shift</c> controller: its replicas, its models' batch limits and the voltage
/// range over the phases of its bus, plus the free GPUs and replicas it will have once this step's
/// shifts apply (so that two shifts in one step never overbook a site).
/// </summary>
internal sealed class ShiftSite
{
    private readonly BatchSite _batches;
    private readonly Dictionary<string, int> _replicaChange = new(StringComparer.Ordinal);
    private BusPhaseIndex? _indexed;
    private int[] _busNodes = Array.Empty<int>();
    private int _freeGpuChange;

    public ShiftSite(IReplicaShiftable shiftable, IBatchControllable batches, string bus, int order)
    {
        Shiftable = shiftable;
        _batches = new BatchSite(batches);
        Bus = bus.ToLowerInvariant();
        Order = order;
    }

    public IReplicaShiftable Shiftable { get; }

    public string Name => Shiftable.Name;

    public string Bus { get; }

    /// <summary>Declaration order (ties between candidate sites go to the earlier one).</summary>
    public int Order { get; }

    public IEnumerable<string> Models => _batches.Models.Select(m => m.Model);

    public double MinPu { get; private set; } = double.NaN;

    public double MaxPu { get; private set; } = double.NaN;

    /// <summary>Free GPUs after this step's planned shifts.</summary>
    public int FreeGpus => Shiftable.FreeGpus + _freeGpuChange;

    /// <summary>Active replicas of <paramref name="model"/> after this step's planned shifts.</summary>
    public int Replicas(string model) => Shiftable.ActiveReplicas(model) + _replicaChange.GetValueOrDefault(model);

    public bool Serves(string model) => Shiftable.GpusPerReplica(model) > 0;

    /// <summary>Read the bus voltages of <paramref name="grid"/> and forget the previous step's plans.</summary>
    public void Observe(GridState grid)
    {
        if (!ReferenceEquals(grid.Nodes, _indexed))
        {
            var list = new List<int>();
            for (int i = 0; i < grid.Nodes.Count; i++)
            {
                if (grid.Nodes.Nodes[i].Bus == Bus)
                    list.Add(i);
            }
            _busNodes = list.ToArray();
            _indexed = grid.Nodes;
        }
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (int i in _busNodes)
        {
            double v = grid.VoltagePu[i];
            if (double.IsNaN(v))
                continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        MinPu = double.IsPositiveInfinity(min) ? double.NaN : min;
        MaxPu = double.IsNegativeInfinity(max) ? double.NaN : max;
        _replicaChange.Clear();
        _freeGpuChange = 0;
    }

    /// <summary>Plan adding (positive) or removing replicas of <paramref name="model"/>.</summary>
    public void Plan(string model, int deltaReplicas)
    {
        _replicaChange[model] = _replicaChange.GetValueOrDefault(model) + deltaReplicas;
        _freeGpuChange -= deltaReplicas * Shiftable.GpusPerReplica(model);
    }

    /// <summary>
    /// True when every model with active replicas sits at its smallest feasible batch (<paramref name="atSmallest"/>)
    /// or its largest; false when no model is active (nothing is left to shift).
    /// </summary>
    public bool BatchesSaturated(DatacenterState state, bool atSmallest)
    {
        bool anyActive = false;
        for (int i = 0; i < _batches.Models.Length; i++)
        {
            ModelState m = _batches.Observed(state, i);
            if (m.ActiveReplicas <= 0)
                continue;
            anyActive = true;
            int limit = atSmallest ? _batches.Batches[i].Smallest : _batches.Batches[i].Largest;
            if (m.BatchSize != limit)
                return false;
        }
        return anyActive;
    }
}
