namespace OpenG2G.Datacenter.Traces;

/// <summary>Where a power series of the trace library comes from.</summary>
public enum Provenance
{
    /// <summary>Recorded on real hardware (a measured time series).</summary>
    Measured,

    /// <summary>A measured series of a similar configuration, rescaled to this configuration's measured mean power.</summary>
    Synthesised,

    /// <summary>Generated from documented parameters (no measured series exists), scaled to a measured average.</summary>
    Synthetic,
}
