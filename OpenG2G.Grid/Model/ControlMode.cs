namespace OpenG2G.Grid.Model;

/// <summary>How regulator controls act (OpenDSS <c>Set ControlMode</c>).</summary>
public enum ControlMode
{
    /// <summary>Taps move only by command.</summary>
    Off,

    /// <summary>Taps settle within band at every solve (OpenDSS static mode).</summary>
    Static,

    /// <summary>Taps move after their time delays, as simulation events.</summary>
    Timed,
}
