namespace OpenG2G.Core.Composition;

/// <summary>How a three-phase attachment's per-phase loads connect: phase-to-neutral or phase-to-phase.</summary>
public enum LoadConnection
{
    Wye,
    Delta,
}
