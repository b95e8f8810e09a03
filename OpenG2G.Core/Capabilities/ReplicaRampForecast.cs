using OpenG2G.Core.Time;

namespace OpenG2G.Core.Capabilities;

/// <summary>
/// A scheduled linear replica ramp of one model: <see cref="FromReplicas"/> until <see cref="Start"/>,
/// then linear to <see cref="ToReplicas"/> at <see cref="End"/>, rounded to whole replicas (halves
/// away from zero), <see cref="ToReplicas"/> after. Replicas added or removed by commands come on top.
/// </summary>
/// <param name="Model">Model label.</param>
/// <param name="Start">Start of the ramp.</param>
/// <param name="End">End of the ramp.</param>
/// <param name="FromReplicas">Scheduled replicas at the start.</param>
/// <param name="ToReplicas">Scheduled replicas at the end.</param>
public sealed record ReplicaRampForecast(string Model, SimTime Start, SimTime End, int FromReplicas, int ToReplicas)
{
    /// <summary>Scheduled replicas at <paramref name="time"/> according to this ramp alone.</summary>
    public int ReplicasAt(SimTime time)
    {
        if (time <= Start)
            return FromReplicas;
        if (time >= End)
            return ToReplicas;
        double share = (double)(time.Ticks - Start.Ticks) / (End.Ticks - Start.Ticks);
        return (int)Math.Round(FromReplicas + (ToReplicas - FromReplicas) * share, MidpointRounding.AwayFromZero);
    }
}
