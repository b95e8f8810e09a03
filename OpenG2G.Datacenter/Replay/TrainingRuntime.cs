using OpenG2G.Core.States;
using OpenG2G.Core.Time;
using OpenG2G.Datacenter.Traces;

namespace OpenG2G.Datacenter.Replay;

/// <summary>
/// A training job during a run: replays its profile from its start. With a peak power, power per
/// GPU = peak x profile fraction. With a measured power-cap response, power per GPU = measured mean
/// power at the cap x profile fraction / the profile's steady mean, so its average over a steady
/// loop is exactly the measured power at that cap.
/// </summary>
internal sealed class TrainingRuntime
{
    private readonly long _startTicks;
    private readonly long _endTicks;
    private readonly long _sampleTicks;

    public TrainingRuntime(string name, int gpus, string gpu, double startS, double endS, TrainingProfile profile, double? peakWPerGpu,
        PowerCapResponse? response, double initialCapW, double[] phaseSplit)
    {
        Name = name;
        Gpus = gpus;
        Info = new TrainingJobInfo(name, gpus, gpu, startS, endS, response?.Id, response?.Gpu);
        Profile = profile;
        PeakWPerGpu = peakWPerGpu;
        Response = response;
        InitialCapW = initialCapW;
        PhaseSplit = phaseSplit;
        _startTicks = TimeBase.Duration(startS, "training start_s").Ticks;
        _endTicks = TimeBase.Duration(endS, "training end_s").Ticks;
        _sampleTicks = TimeBase.Duration(profile.SamplePeriodS, "training profile sample period").Ticks;
    }

    public string Name { get; }

    /// <summary>What the job is, reported with every state.</summary>
    public TrainingJobInfo Info { get; }

    public int Gpus { get; }

    public TrainingProfile Profile { get; }

    public double? PeakWPerGpu { get; }

    public PowerCapResponse? Response { get; }

    public double InitialCapW { get; }

    public double[] PhaseSplit { get; }

    /// <summary>Power cap per GPU in force (NaN without a response).</summary>
    public double CapW { get; set; }

    /// <summary>Start in ticks.</summary>
    public long StartTicks => _startTicks;

    /// <summary>End in ticks (exclusive).</summary>
    public long EndTicks => _endTicks;

    public bool IsRunning(long ticks) => ticks >= _startTicks && ticks < _endTicks;

    /// <summary>
    /// Mean power of the whole job in watts over its steady segment at the cap in force: peak x the
    /// steady mean fraction, or with a measured response exactly the measured power at the cap.
    /// </summary>
    public double ExpectedPowerW => Gpus * (Response is null
        ? PeakWPerGpu!.Value * Profile.SteadyMeanFraction
        : Response.PowerPerGpuW(CapW).Value);

    /// <summary>Power of the whole job in watts at its first sample (the start of the warm-up).</summary>
    public double InitialPowerW => Gpus * Profile.FractionAt(0) * (Response is null
        ? PeakWPerGpu!.Value
        : Response.PowerPerGpuW(CapW).Value / Profile.SteadyMeanFraction);

    /// <summary>Length of the profile's warm-up in seconds.</summary>
    public double WarmupS => Profile.Warmup.Length * Profile.SamplePeriodS;

    /// <summary>Highest power of the whole job in watts its profile reaches at the cap in force.</summary>
    public double PeakPowerW => Gpus * Profile.MaxFraction * (Response is null
        ? PeakWPerGpu!.Value
        : Response.PowerPerGpuW(CapW).Value / Profile.SteadyMeanFraction);

    /// <summary>Total power of the job in watts at <paramref name="ticks"/> (0 outside its window).</summary>
    public double PowerW(long ticks)
    {
        if (!IsRunning(ticks))
            return 0.0;
        double fraction = Profile.FractionAt((ticks - _startTicks) / _sampleTicks);
        double perGpu = Response is null
            ? PeakWPerGpu!.Value * fraction
            : Response.PowerPerGpuW(CapW).Value * fraction / Profile.SteadyMeanFraction;
        return Gpus * perGpu;
    }

    /// <summary>Throughput relative to uncapped operation (1 without a response or at the highest measured limit).</summary>
    public double ThroughputFraction => Response is null ? 1.0 : Response.ThroughputFraction(CapW).Value;

    /// <summary>The job's state at <paramref name="ticks"/>, given its power <paramref name="powerW"/> there.</summary>
    public TrainingJobState State(long ticks, double powerW)
    {
        bool running = IsRunning(ticks);
        return new TrainingJobState(Info, running, powerW, CapW, running ? ThroughputFraction : double.NaN);
    }
}
