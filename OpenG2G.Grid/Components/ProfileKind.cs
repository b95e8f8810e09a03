namespace OpenG2G.Grid.Components;

/// <summary>Where an attachment's power multiplier comes from.</summary>
public enum ProfileKind
{
    /// <summary>A constant multiplier (<see cref="ProfileOptions.Value"/>).</summary>
    Constant,

    /// <summary>A CSV file <c>time_s,value</c>, linearly interpolated.</summary>
    Csv,

    /// <summary>A published synthetic PV shape (site <see cref="ProfileOptions.Index"/> 0..2).</summary>
    SyntheticPv,

    /// <summary>A published synthetic load shape (<see cref="ProfileOptions.Index"/> 0..4).</summary>
    SyntheticLoad,
}
