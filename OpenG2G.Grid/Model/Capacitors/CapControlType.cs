namespace OpenG2G.Grid.Model.Capacitors;

/// <summary>What a capacitor control measures (OpenDSS CapControl <c>type</c>).</summary>
public enum CapControlType
{
    /// <summary>Current of the monitored phase, amperes over the CT ratio (OpenDSS's default).</summary>
    Current,

    /// <summary>Voltage at the monitored terminal over the PT ratio.</summary>
    Voltage,

    /// <summary>Reactive power into the monitored terminal, kvar.</summary>
    Kvar,

    /// <summary>Time of day, hours: ON at onsetting, OFF at offsetting.</summary>
    Time,

    /// <summary>Power factor at the monitored terminal (0..2 scale, leading above 1).</summary>
    PowerFactor,
}
