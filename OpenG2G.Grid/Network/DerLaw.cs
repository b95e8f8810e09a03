namespace OpenG2G.Grid.Network;

/// <summary>The current law of one phase of a PVSystem, Storage or Generator, as OpenDSS models it.</summary>
public enum DerLaw
{
    /// <summary>Not a power-conversion element: a load, following its load model.</summary>
    None,

    /// <summary>
    /// Constant P and Q between vminpu and vmaxpu; below vminpu the admittance that gives the nominal
    /// power at vminpu, above vmaxpu the one that gives it at vmaxpu (no vlowpu blending, unlike loads).
    /// PVSystem, Storage and Generator model 1.
    /// </summary>
    ConstantPq,

    /// <summary>Constant P and Q at every voltage (Generator model 3, whose Q the solver moves to hold |V|).</summary>
    ConstantPqAlways,
}
