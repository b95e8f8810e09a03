using OpenG2G.Core.Time;

namespace OpenG2G.Core.Capabilities;

/// <summary>
/// A datacenter that knows its own schedule and says so: the training jobs and replica ramps of
/// its scenario, so that a controller can act before they happen. What it reports is the plan as
/// written (perfect foresight); a controller that wants a realistic forecast applies
/// <see cref="Forecasts.ForecastError"/> to it.
/// </summary>
public interface IDatacenterForecast
{
    /// <summary>Component name.</summary>
    string Name { get; }

    /// <summary>
    /// Training jobs and replica ramps that are under way at <paramref name="now"/> or start before
    /// <paramref name="until"/> (nothing that ended before <paramref name="now"/>), in start order.
    /// </summary>
    DatacenterForecast Forecast(SimTime now, SimTime until);
}
