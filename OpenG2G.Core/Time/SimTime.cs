namespace OpenG2G.Core.Time;

/// <summary>
/// An instant of simulated time: an exact count of 100 ns ticks (<see cref="TimeSpan.TicksPerSecond"/>)
/// since the start of the run. Doubles appear only at the edges (<see cref="Seconds"/>).
/// </summary>
public readonly record struct SimTime(long Ticks) : IComparable<SimTime>
{
    /// <summary>The start of every run.</summary>
    public static readonly SimTime Zero = new(0);

    /// <summary>Seconds since the start of the run, for output only.</summary>
    public double Seconds => Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary>Time since the start of the run as a duration.</summary>
    public TimeSpan SinceStart => TimeSpan.FromTicks(Ticks);

    /// <summary>
    /// The instant <paramref name="seconds"/> after the start. Throws <see cref="ArgumentException"/>
    /// when the value is not a whole number of ticks.
    /// </summary>
    public static SimTime FromSeconds(decimal seconds, string what = "time") =>
        new(TimeBase.ToTicks(seconds, what));

    public static SimTime operator +(SimTime time, TimeSpan span) => new(checked(time.Ticks + span.Ticks));

    public static TimeSpan operator -(SimTime later, SimTime earlier) => TimeSpan.FromTicks(later.Ticks - earlier.Ticks);

    public static bool operator <(SimTime a, SimTime b) => a.Ticks < b.Ticks;
    public static bool operator >(SimTime a, SimTime b) => a.Ticks > b.Ticks;
    public static bool operator <=(SimTime a, SimTime b) => a.Ticks <= b.Ticks;
    public static bool operator >=(SimTime a, SimTime b) => a.Ticks >= b.Ticks;

    public int CompareTo(SimTime other) => Ticks.CompareTo(other.Ticks);

    /// <summary>Seconds with up to seven decimals and no trailing zeros, e.g. <c>12.3 s</c>.</summary>
    public override string ToString() => TimeBase.Format(Ticks) + " s";
}
