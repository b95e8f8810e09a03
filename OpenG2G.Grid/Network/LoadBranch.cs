using OpenG2G.Grid.Model.Loads;

namespace OpenG2G.Grid.Network;

/// <summary>
/// One phase of a load or of a power-conversion element (PVSystem, Storage, Generator): the current
/// it draws flows from node <see cref="From"/> to node <see cref="To"/> (-1 for ground). Powers in W and
/// var for this phase, positive for consumption (generation is negative); <see cref="BaseVolts"/> is the
/// rated voltage across it (line-to-neutral for wye 2-/3-phase elements, else as given).
/// </summary>
public struct LoadBranch
{
    public int From;
    public int To;
    public LoadModel Model;
    public double BaseVolts;
    public double Watts;
    public double Vars;
    public double VminPu;
    public double VmaxPu;
    public double VlowPu;
    public double CvrWatts;
    public double CvrVars;

    /// <summary>ZIPV coefficients of a model-8 load (null otherwise).</summary>
    public double[]? Zipv;

    /// <summary>How a power-conversion element's phase draws current (<see cref="DerLaw.None"/> for loads, which follow <see cref="Model"/>).</summary>
    public DerLaw Der;

    /// <summary>Index of the load (or attachment) this phase belongs to.</summary>
    public int Owner;
}
