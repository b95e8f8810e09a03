namespace OpenG2G.Core.Kernel;

/// <summary>Where a <see cref="Simulation"/> is in its lifecycle.</summary>
public enum SimulationStatus
{
    /// <summary>Constructed; call Reset.</summary>
    Created,

    /// <summary>Reset; call Start.</summary>
    Ready,

    /// <summary>Started; steps may be taken.</summary>
    Running,

    /// <summary>Every instant before the end has been processed; call Stop.</summary>
    Finished,

    /// <summary>Stopped (normally or after a failure); Reset to run again.</summary>
    Stopped,
}
