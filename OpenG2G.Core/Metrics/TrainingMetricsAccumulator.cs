using System.Collections.Immutable;
using OpenG2G.Core.Kernel;
using OpenG2G.Core.States;

namespace OpenG2G.Core.Metrics;

/// <summary>
/// Streams the training jobs of datacenter states into <see cref="TrainingMetrics"/>. dt is each site's
/// median step spacing. While a job runs, work done = GPUs x throughput fraction x dt and uncapped work =
/// GPUs x dt; the mean throughput fraction is their ratio (per job: the time mean while running).
/// </summary>
public sealed class TrainingMetricsAccumulator : ISimulationObserver
{
    private readonly List<Site> _sites = new();
    private readonly Dictionary<string, Site> _sitesByName = new(StringComparer.Ordinal);

    public void OnDatacenterState(DatacenterState state) => Add(state);

    /// <summary>Count the training jobs of one datacenter state; a site's states must arrive in time order.</summary>
    public void Add(DatacenterState state)
    {
        if (!_sitesByName.TryGetValue(state.Datacenter, out Site? site))
        {
            site = new Site(state.Datacenter);
            _sitesByName[state.Datacenter] = site;
            _sites.Add(site);
        }
        long t = state.Time.Ticks;
        if (site.Times.Count > 0 && t < site.Times[^1])
            throw new ArgumentException($"datacenter state of '{state.Datacenter}' at t={state.Time} arrived after a later one");
        site.Times.Add(t);
        ImmutableArray<TrainingJobState> jobs = state.Training;
        for (int i = 0; i < jobs.Length; i++)
        {
            if (i == site.Jobs.Count)
                site.Jobs.Add(new Job(jobs[i].Info));
            Job job = site.Jobs[i];
            if (!ReferenceEquals(job.Info, jobs[i].Info) && job.Info != jobs[i].Info)
                throw new ArgumentException($"'{state.Datacenter}' reported training job '{jobs[i].Info.Job}' where '{job.Info.Job}' was before");
            job.Add(jobs[i]);
        }
    }

    /// <summary>The metrics over every state added so far.</summary>
    public TrainingMetrics Result()
    {
        var jobs = ImmutableArray.CreateBuilder<TrainingJobMetrics>();
        foreach (Site site in _sites)
        {
            double dtS = SampleStatistics.MedianSpacingS(site.Times, 0.0);
            foreach (Job job in site.Jobs)
                jobs.Add(job.Result(site.Name, dtS));
        }
        double work = jobs.Sum(j => j.GpuHoursWork), uncapped = jobs.Sum(j => j.GpuHoursUncapped);
        return new TrainingMetrics(
            uncapped > 0 ? work / uncapped : double.NaN,
            jobs.Sum(j => j.EnergyKwh),
            work,
            uncapped,
            jobs.ToImmutable());
    }

    private sealed class Site(string name)
    {
        public string Name { get; } = name;

        public List<long> Times { get; } = new();

        public List<Job> Jobs { get; } = new();
    }

    private sealed class Job(TrainingJobInfo info)
    {
        public TrainingJobInfo Info { get; } = info;

        private long _running;
        private double _fractionSum;
        private double _powerSumW;
        private double _minCapW = double.PositiveInfinity;

        public void Add(TrainingJobState s)
        {
            _powerSumW += s.PowerW;
            if (!s.Running)
                return;
            _running++;
            _fractionSum += s.ThroughputFraction;
            if (s.PowerCapW < _minCapW)
                _minCapW = s.PowerCapW;
        }

        public TrainingJobMetrics Result(string datacenter, double dtS)
        {
            double runningS = _running * dtS;
            double meanFraction = _running > 0 ? _fractionSum / _running : double.NaN;
            return new TrainingJobMetrics(
                datacenter,
                Info.Job,
                Info.Gpus,
                Info.Gpu,
                runningS,
                meanFraction,
                _running > 0 ? _powerSumW / _running / 1000.0 : double.NaN,
                _powerSumW * dtS / 3.6e6,
                Info.Gpus * _fractionSum * dtS / 3600.0,
                Info.Gpus * runningS / 3600.0,
                double.IsFinite(_minCapW) ? _minCapW : double.NaN,
                Info.PowerCapResponse,
                Info.PowerCapCurveGpu,
                Info.BorrowsPowerCapCurve);
        }
    }
}
