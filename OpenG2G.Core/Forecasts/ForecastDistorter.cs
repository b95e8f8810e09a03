using System.Collections.Immutable;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Randomness;
using OpenG2G.Core.Time;

namespace OpenG2G.Core.Forecasts;

/// <summary>
/// Applies a <see cref="ForecastError"/> to forecasts, item by item, with the errors of each item
/// drawn once and kept (see <see cref="ForecastError"/>). With a perfect error it returns its input.
/// One instance per consumer and run; not thread-safe.
/// </summary>
public sealed class ForecastDistorter
{
    private readonly ForecastError _error;
    private readonly ulong _seed;
    private readonly Dictionary<string, (double PowerFactor, long ShiftTicks)> _items = new(StringComparer.Ordinal);

    /// <param name="error">The error model.</param>
    /// <param name="runSeed">The run's seed (<c>RunContext.Seed</c>).</param>
    public ForecastDistorter(ForecastError error, ulong runSeed)
    {
        ArgumentNullException.ThrowIfNull(error);
        _error = error;
        _seed = runSeed ^ ((ulong)(uint)error.NoiseSeed * 0x9E3779B97F4A7C15UL);
    }

    /// <summary>The datacenter forecast with each job's powers and times and each ramp's size and times in error.</summary>
    public DatacenterForecast Apply(DatacenterForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (_error.IsPerfect)
            return forecast;
        var jobs = forecast.TrainingJobs.Select(j =>
        {
            var (factor, shift) = Item($"{forecast.Datacenter}/training/{j.Name}");
            return j with { Start = Shift(j.Start, shift), End = Shift(j.End, shift), ExpectedPowerKw = j.ExpectedPowerKw * factor, PeakPowerKw = j.PeakPowerKw * factor, InitialPowerKw = j.InitialPowerKw * factor };
        }).ToImmutableArray();
        var ramps = forecast.ReplicaRamps.Select(r =>
        {
            var (factor, shift) = Item($"{forecast.Datacenter}/ramp/{r.Model}/{r.Start.Ticks}");
            int to = r.FromReplicas + (int)Math.Round((r.ToReplicas - r.FromReplicas) * factor, MidpointRounding.AwayFromZero);
            return r with { Start = Shift(r.Start, shift), End = Shift(r.End, shift), ToReplicas = Math.Max(0, to) };
        }).ToImmutableArray();
        return forecast with { TrainingJobs = jobs, ReplicaRamps = ramps };
    }

    /// <summary>The grid forecast with each attachment's powers in error (tap moves are kept as the grid scheduled them).</summary>
    public GridForecast Apply(GridForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (_error.IsPerfect)
            return forecast;
        var attachments = forecast.Attachments.Select(a =>
        {
            double factor = Item($"{forecast.Grid}/attachment/{a.Name}").PowerFactor;
            return a with
            {
                PowerKw = a.PowerKw.Select(p => p * factor).ToImmutableArray(),
                ReactivePowerKvar = a.ReactivePowerKvar.Select(q => q * factor).ToImmutableArray(),
            };
        }).ToImmutableArray();
        return forecast with { Attachments = attachments };
    }

    private (double PowerFactor, long ShiftTicks) Item(string name)
    {
        if (_items.TryGetValue(name, out var known))
            return known;
        var random = SimRandom.ForStream(_seed, "forecast/" + name);
        double factor = Math.Max(0.0, 1.0 + _error.PowerBiasFraction + _error.PowerNoiseFraction * random.NextGaussian());
        double shiftS = _error.TimingBiasS + _error.TimingNoiseS * random.NextGaussian();
        var item = (factor, (long)Math.Round(shiftS * TimeSpan.TicksPerSecond));
        _items[name] = item;
        return item;
    }

    private static SimTime Shift(SimTime time, long ticks) => new(Math.Max(0, time.Ticks + ticks));
}
