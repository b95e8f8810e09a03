using System.Collections.Immutable;
using OpenG2G.Controllers.Options;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Metrics;
using OpenG2G.Core.States;

namespace OpenG2G.Controllers.Pid;

/// <summary>
/// The voltage a <c>pid</c> regulates, read from one grid snapshot: the minimum or maximum over the
/// watched bus-phases, or the minimum over the phases of a bus or of a zone's buses (named buses are used
/// even when excluded from metrics: the user chose them).
/// </summary>
internal sealed class VoltageSignal
{
    private readonly PidSignal _kind;
    private readonly CountedNodes _watched;
    private readonly ImmutableArray<BusPhase> _named;
    private BusPhaseIndex? _indexed;
    private int[] _namedIndices = Array.Empty<int>();

    /// <summary>Throws <see cref="ArgumentException"/> for a named bus the feeder does not have.</summary>
    public VoltageSignal(PidOptions options, IGridTopology topology)
    {
        _kind = options.Signal;
        _watched = new CountedNodes(topology.ExcludedBuses);
        var named = ImmutableArray.CreateBuilder<BusPhase>();
        if (_kind == PidSignal.Bus)
            named.AddRange(PhasesOf(topology.Nodes, options.Bus!, "bus"));
        else if (_kind == PidSignal.Zone)
        {
            for (int i = 0; i < options.ZoneBuses.Count; i++)
                named.AddRange(PhasesOf(topology.Nodes, options.ZoneBuses[i], $"zone_buses[{i}]"));
        }
        _named = named.ToImmutable();
    }

    /// <summary>The signal in pu, or NaN when none of its bus-phases has a voltage in <paramref name="grid"/>.</summary>
    public double Measure(GridState grid)
    {
        switch (_kind)
        {
            case PidSignal.Minimum:
                return _watched.Extremes(grid).MinPu;
            case PidSignal.Maximum:
                return _watched.Extremes(grid).MaxPu;
            default:
                if (!ReferenceEquals(grid.Nodes, _indexed))
                {
                    _namedIndices = _named.Select(n => grid.Nodes.IndexOf(n)).Where(i => i >= 0).ToArray();
                    _indexed = grid.Nodes;
                }
                double min = double.PositiveInfinity;
                foreach (int i in _namedIndices)
                {
                    double v = grid.VoltagePu[i];
                    if (v < min)
                        min = v;
                }
                return double.IsPositiveInfinity(min) ? double.NaN : min;
        }
    }

    private static IEnumerable<BusPhase> PhasesOf(BusPhaseIndex nodes, string bus, string path)
    {
        string key = bus.ToLowerInvariant();
        BusPhase[] phases = nodes.Nodes.Where(n => n.Bus == key).ToArray();
        return phases.Length > 0 ? phases : throw OptionsGuard.Invalid(path, $"the feeder has no bus '{bus}'");
    }
}
