namespace OpenG2G.Controllers.Pid;

/// <summary>Which voltage the <c>pid</c> controller regulates (YAML: <c>minimum</c>, <c>maximum</c>, <c>bus</c>, <c>zone</c>).</summary>
public enum PidSignal
{
    /// <summary>Lowest voltage over every watched (not excluded) bus-phase: acts against undervoltage.</summary>
    Minimum,

    /// <summary>Highest voltage over every watched bus-phase: acts against overvoltage.</summary>
    Maximum,

    /// <summary>Lowest phase voltage of one bus (<see cref="PidOptions.Bus"/>).</summary>
    Bus,

    /// <summary>Lowest voltage over the phases of a list of buses (<see cref="PidOptions.ZoneBuses"/>).</summary>
    Zone,
}
