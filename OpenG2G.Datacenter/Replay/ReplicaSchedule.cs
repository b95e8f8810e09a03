using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Options;

namespace OpenG2G.Datacenter.Replay;

/// <summary>
/// A model's scheduled replica count: the initial count, then linear ramps (in exact ticks), each
/// from the count at its start to its target at its end, rounded to the nearest replica (halves away from zero).
/// </summary>
internal sealed class ReplicaSchedule
{
    private readonly (long Start, long End, int Target)[] _ramps;

    public ReplicaSchedule(int initial, IEnumerable<ReplicaRampOptions> ramps)
    {
        Initial = initial;
        _ramps = ramps.Select(r => (
            TimeBase.Duration(r.StartS, "ramp start_s").Ticks,
            TimeBase.Duration(r.EndS, "ramp end_s").Ticks,
            r.Target)).ToArray();
        Max = _ramps.Select(r => r.Target).Append(initial).Max();
    }

    public int Initial { get; }

    /// <summary>Largest count the schedule ever asks for.</summary>
    public int Max { get; }

    /// <summary>The ramps in time order: start and end in ticks, the scheduled count at the start and the target.</summary>
    public IEnumerable<(long StartTicks, long EndTicks, int From, int Target)> Ramps =>
        _ramps.Select(r => (r.Start, r.End, CountAt(r.Start), r.Target));

    public int CountAt(long ticks)
    {
        int count = Initial;
        foreach (var (start, end, target) in _ramps)
        {
            if (ticks < start)
                return count;
            if (ticks >= end)
            {
                count = target;
                continue;
            }
            double share = (double)(ticks - start) / (end - start);
            return (int)Math.Round(count + (target - count) * share, MidpointRounding.AwayFromZero);
        }
        return count;
    }
}
