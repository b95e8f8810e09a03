using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Capabilities;

/// <summary>A scheduled training job.</summary>
/// <param name="Name">Job name (the target of <c>SetPowerCap</c> when it is cappable).</param>
/// <param name="Start">Instant the job starts drawing power.</param>
/// <param name="End">Instant it stops (exclusive).</param>
/// <param name="Gpus">GPUs the job occupies.</param>
/// <param name="ExpectedPowerKw">Mean power of the whole job in kW over its steady phase, at the power cap in force when forecast.</param>
/// <param name="PeakPowerKw">Highest power of the whole job in kW its profile reaches.</param>
/// <param name="PhaseShare">Share of its power on phases A, B, C (sums to 1).</param>
/// <param name="PowerCapW">GPU power cap in force per GPU in watts; NaN for a job that cannot be capped.</param>
/// <param name="RampUpS">Warm-up after the start, seconds: the expected power rises linearly from <paramref name="InitialPowerKw"/> to <paramref name="ExpectedPowerKw"/> over it.</param>
/// <param name="InitialPowerKw">Power of the whole job in kW when it starts.</param>
public sealed record TrainingJobForecast(
    string Name,
    SimTime Start,
    SimTime End,
    int Gpus,
    double ExpectedPowerKw,
    double PeakPowerKw,
    ThreePhase PhaseShare,
    double PowerCapW = double.NaN,
    double RampUpS = 0,
    double InitialPowerKw = 0)
{
    /// <summary>
    /// Expected power of the whole job in kW at <paramref name="time"/>: 0 outside its window, the
    /// linear warm-up ramp, then <see cref="ExpectedPowerKw"/>.
    /// </summary>
    public double ExpectedPowerKwAt(SimTime time)
    {
        if (!IsRunningAt(time))
            return 0.0;
        double sinceStartS = (time - Start).TotalSeconds;
        if (RampUpS <= 0 || sinceStartS >= RampUpS)
            return ExpectedPowerKw;
        return InitialPowerKw + (ExpectedPowerKw - InitialPowerKw) * sinceStartS / RampUpS;
    }

    /// <summary>Whether the job draws power at <paramref name="time"/> (start inclusive, end exclusive).</summary>
    public bool IsRunningAt(SimTime time) => time >= Start && time < End;
}
