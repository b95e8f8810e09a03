using OpenG2G.Controllers.Batching;
using OpenG2G.Controllers.Ofo;
using OpenG2G.Core.Capabilities;
using OpenG2G.Core.Forecasts;
using OpenG2G.Core.States;
using OpenG2G.Core.Time;

namespace OpenG2G.Controllers.Mpc;

/// <summary>
/// One controlled datacenter: its models and cappable training jobs, its voltage sensitivity H
/// (pu per kW, reactive power at its power factor), and per step the training power change its
/// schedule announces over the horizon.
/// </summary>
internal sealed class MpcSite
{
    private readonly IDatacenterForecast? _forecaster;
    private readonly double _powerFactor;

    public MpcSite(IBatchControllable datacenter, IDatacenterForecast? forecaster, double powerFactor)
    {
        Datacenter = datacenter;
        Batches = new BatchSite(datacenter);
        _forecaster = forecaster;
        _powerFactor = powerFactor;
    }

    public IBatchControllable Datacenter { get; }

    public string Name => Datacenter.Name;

    /// <summary>Model lookup in the site's states.</summary>
    public BatchSite Batches { get; }

    public SensitivityMatrix H { get; } = new();

    /// <summary>The schedule announced at the current step (after the forecast error), or null.</summary>
    public DatacenterForecast? Forecast { get; private set; }

    /// <summary>Measured training power of the current step, kW.</summary>
    public double TrainingKw { get; private set; }

    public void Reset()
    {
        Batches.Reset();
        H.Clear();
        Forecast = null;
        TrainingKw = 0;
    }

    public void RefreshSensitivity(IVoltageSensitivityProvider provider, BusPhaseIndex nodes) =>
        H.Refresh(provider, Name, _powerFactor, nodes);

    /// <summary>Read the measured training power and the site's schedule up to <paramref name="until"/>.</summary>
    public void Observe(DatacenterState state, SimTime now, SimTime until, ForecastDistorter? distorter)
    {
        TrainingKw = state.TrainingPowerW / 1000.0;
        Forecast = _forecaster is null ? null : _forecaster.Forecast(now, until);
        if (Forecast is not null && distorter is not null)
            Forecast = distorter.Apply(Forecast);
    }

    /// <summary>
    /// Announced change of the site's training power per phase (kW) from <paramref name="now"/> to
    /// <paramref name="time"/>, for jobs whose caps the MPC does not choose: jobs starting add their
    /// expected power, jobs ending remove it; while jobs run, the prediction uses at least their
    /// expected power (a measurement in a short dip of the training profile is not taken to last).
    /// Zero without a forecast.
    /// </summary>
    public ThreePhase TrainingChangeKw(SimTime now, SimTime time, bool useForecast)
    {
        if (!useForecast || Forecast is null)
            return ThreePhase.Zero;
        ThreePhase expectedNow = Forecast.TrainingPowerKwAt(now);
        ThreePhase expectedThen = Forecast.TrainingPowerKwAt(time);
        double totalNow = expectedNow.Total;
        var change = expectedThen - expectedNow;
        if (totalNow > TrainingKw && totalNow > 0)
            change += expectedNow * ((totalNow - TrainingKw) / totalNow);
        return change;
    }

    /// <summary>Announced change of <paramref name="model"/>'s replicas between the two instants (0 without a forecast).</summary>
    public int ReplicaChange(string model, SimTime now, SimTime time, bool useForecast) =>
        useForecast && Forecast is not null ? Forecast.ReplicaChange(model, now, time) : 0;
}
