namespace OpenG2G.Grid.Components;

/// <summary>How the grid component's regulators act.</summary>
public enum RegulatorMode
{
    /// <summary>Taps move only by <c>SetTaps</c> commands.</summary>
    Off,

    /// <summary>Every solve settles taps within band (OpenDSS static control).</summary>
    Static,

    /// <summary>Out-of-band regulators move one step after their time delay, then every tap delay, as kernel events.</summary>
    Timed,
}
