using OpenG2G.Core.Time;

namespace OpenG2G.Core.Capabilities;

/// <summary>
/// A grid that knows part of its future: the powers of its profile-driven attachments (PV and
/// external loads follow their profiles) and the tap moves it has scheduled itself (timed regulators
/// that are armed). Taps moved by controllers (a <c>tap-schedule</c>) are not the grid's to tell.
/// Perfect foresight; a controller applies <see cref="Forecasts.ForecastError"/> for a realistic one.
/// </summary>
public interface IGridForecast
{
    /// <summary>
    /// Forecast made at <paramref name="now"/> for the <paramref name="count"/> instants
    /// <paramref name="first"/>, <paramref name="first"/> + <paramref name="step"/>, ...
    /// Throws <see cref="ArgumentOutOfRangeException"/> for a negative count or a non-positive step.
    /// </summary>
    GridForecast Forecast(SimTime now, SimTime first, TimeSpan step, int count);
}
