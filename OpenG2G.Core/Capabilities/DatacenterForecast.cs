using System.Collections.Immutable;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Capabilities;

/// <summary>What a datacenter knows is coming between <see cref="From"/> and <see cref="Until"/>.</summary>
/// <param name="Datacenter">Datacenter name.</param>
/// <param name="From">The instant the forecast was made.</param>
/// <param name="Until">End of the window asked for.</param>
/// <param name="TrainingJobs">Jobs running at <see cref="From"/> or starting before <see cref="Until"/>.</param>
/// <param name="ReplicaRamps">Scheduled replica ramps under way or starting in the window.</param>
public sealed record DatacenterForecast(
    string Datacenter,
    SimTime From,
    SimTime Until,
    ImmutableArray<TrainingJobForecast> TrainingJobs,
    ImmutableArray<ReplicaRampForecast> ReplicaRamps)
{
    /// <summary>
    /// Expected training power in kW per phase at <paramref name="time"/>: the sum over jobs running
    /// then of their expected power (<see cref="TrainingJobForecast.ExpectedPowerKwAt"/>) split over phases.
    /// </summary>
    public States.ThreePhase TrainingPowerKwAt(SimTime time)
    {
        var total = States.ThreePhase.Zero;
        foreach (TrainingJobForecast job in TrainingJobs)
        {
            if (job.IsRunningAt(time))
                total += job.PhaseShare * job.ExpectedPowerKwAt(time);
        }
        return total;
    }

    /// <summary>
    /// Change of <paramref name="model"/>'s scheduled replica count between <paramref name="from"/> and
    /// <paramref name="to"/> according to the ramps (0 when none touches that model in between).
    /// </summary>
    public int ReplicaChange(string model, SimTime from, SimTime to)
    {
        int change = 0;
        foreach (ReplicaRampForecast ramp in ReplicaRamps)
        {
            if (string.Equals(ramp.Model, model, StringComparison.Ordinal))
                change += ramp.ReplicasAt(to) - ramp.ReplicasAt(from);
        }
        return change;
    }
}
