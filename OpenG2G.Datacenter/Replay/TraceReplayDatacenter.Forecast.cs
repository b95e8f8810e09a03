using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Datacenter.Replay;

public sealed partial class TraceReplayDatacenter : IDatacenterForecast
{
    /// <summary>
    /// The scenario's training jobs and replica ramps that are under way at <paramref name="now"/> or
    /// start before <paramref name="until"/>. A job's expected power is its steady mean at the cap in
    /// force now (<see cref="TrainingRuntime.ExpectedPowerW"/>), reached linearly over its profile's
    /// warm-up from the power of the profile's first sample; a ramp's counts are the schedule's,
    /// without replicas that commands added or removed.
    /// </summary>
    public DatacenterForecast Forecast(SimTime now, SimTime until)
    {
        var jobs = ImmutableArray.CreateBuilder<TrainingJobForecast>();
        foreach (TrainingRuntime job in _training.OrderBy(j => j.StartTicks))
        {
            if (job.EndTicks <= now.Ticks || job.StartTicks >= until.Ticks)
                continue;
            var share = new ThreePhase(job.PhaseSplit[0], job.PhaseSplit[1], job.PhaseSplit[2]);
            jobs.Add(new TrainingJobForecast(job.Name, new SimTime(job.StartTicks), new SimTime(job.EndTicks), job.Gpus,
                job.ExpectedPowerW / 1000.0, job.PeakPowerW / 1000.0, share, job.Response is null ? double.NaN : job.CapW,
                job.WarmupS, job.InitialPowerW / 1000.0));
        }
        var ramps = ImmutableArray.CreateBuilder<ReplicaRampForecast>();
        foreach (ModelRuntime model in _models)
        {
            foreach (var (start, end, from, target) in model.Schedule.Ramps)
            {
                if (end < now.Ticks || start >= until.Ticks || from == target)
                    continue;
                ramps.Add(new ReplicaRampForecast(model.Label, new SimTime(start), new SimTime(end), from, target));
            }
        }
        ramps.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new DatacenterForecast(Name, now, until, jobs.ToImmutable(), ramps.ToImmutable());
    }
}
