using System.Globalization;

namespace OpenG2G.Core.Time;

/// <summary>
/// Conversions between user-facing seconds and the kernel's exact 100 ns ticks. A value that is
/// not a whole number of ticks is an error naming the value, never silently rounded.
/// </summary>
public static class TimeBase
{
    /// <summary>Ticks per second (10,000,000: one tick is 100 ns).</summary>
    public const long TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>True when <paramref name="seconds"/> is a whole number of ticks and fits in range.</summary>
    public static bool TryToTicks(decimal seconds, out long ticks)
    {
        ticks = 0;
        decimal scaled;
        try
        {
            scaled = seconds * TicksPerSecond;
        }
        catch (OverflowException)
        {
            return false;
        }
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
            return false;
        ticks = (long)scaled;
        return true;
    }

    /// <summary>
    /// Ticks for <paramref name="seconds"/>. Throws <see cref="ArgumentException"/> naming
    /// <paramref name="what"/> and the value when it is not a whole number of 100 ns ticks.
    /// </summary>
    public static long ToTicks(decimal seconds, string what)
    {
        if (!TryToTicks(seconds, out long ticks))
        {
            throw new ArgumentException(
                $"{what} {seconds.ToString(CultureInfo.InvariantCulture)} s is not a whole number of 100 ns ticks; " +
                "the kernel represents time exactly and cannot round it");
        }
        return ticks;
    }

    /// <summary>A duration of <paramref name="seconds"/>; see <see cref="ToTicks"/>.</summary>
    public static TimeSpan Duration(decimal seconds, string what) => TimeSpan.FromTicks(ToTicks(seconds, what));

    /// <summary>
    /// A duration from a double (for values computed in code). The double is first converted to
    /// the shortest decimal that round-trips, so 0.1 means exactly one tenth of a second.
    /// </summary>
    public static TimeSpan Duration(double seconds, string what)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds))
            throw new ArgumentException($"{what} {seconds} s is not a finite number of seconds");
        if (!decimal.TryParse(seconds.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact))
            throw new ArgumentException($"{what} {seconds.ToString("R", CultureInfo.InvariantCulture)} s is out of range: simulated time reaches about {long.MaxValue / TicksPerSecond} s");
        return Duration(exact, what);
    }

    /// <summary>Seconds as an exact decimal (a tick count always has one).</summary>
    public static decimal ToSeconds(long ticks) => ticks / (decimal)TicksPerSecond;

    /// <summary>Seconds with no trailing zeros, invariant culture.</summary>
    public static string Format(long ticks) =>
        ToSeconds(ticks).ToString("0.#######", CultureInfo.InvariantCulture);

    /// <summary>Seconds of a duration with no trailing zeros, invariant culture.</summary>
    public static string Format(TimeSpan span) => Format(span.Ticks);
}
