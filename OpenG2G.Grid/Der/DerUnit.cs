using OpenG2G.Grid.Model.Der;
using OpenG2G.Grid.Network;

namespace OpenG2G.Grid.Der;

/// <summary>
/// A PVSystem, Storage or Generator while a feeder runs: its present output, computed from the
/// element's settings, the state OpenDSS keeps on the element (inverter on/off, requested kvar,
/// storage state and energy) and the shape multiplier of the simulated time, and written into its
/// load branches before each solve. Output is in generator convention: kW and kvar supplied.
/// </summary>
public abstract class DerUnit
{
    protected DerUnit(PowerConversionElement element, DerConnection connection)
    {
        Element = element;
        Branches = connection.Branches.ToArray();
    }

    public PowerConversionElement Element { get; }

    /// <summary>Load branch of each phase.</summary>
    public int[] Branches { get; }

    /// <summary>Real power supplied at nominal conditions, kW (all phases).</summary>
    public double OutputKw { get; protected set; }

    /// <summary>Reactive power supplied at nominal conditions, kvar (all phases).</summary>
    public double OutputKvar { get; protected set; }

    /// <summary>Multiplier from the element's shape at the simulated time (1 in a snapshot).</summary>
    public double ShapeFactor { get; set; } = 1.0;

    /// <summary>Recompute <see cref="OutputKw"/> and <see cref="OutputKvar"/> (OpenDSS's SetNominalDEROutput).</summary>
    public abstract void Dispatch(DispatchContext context);

    /// <summary>Back to the state the element was defined with (a new run).</summary>
    public abstract void Reset();

    /// <summary>Per-phase power of each branch, load convention (W, var consumed).</summary>
    internal (double Watts, double Vars) PhasePower => (-OutputKw * 1000.0 / Branches.Length, -OutputKvar * 1000.0 / Branches.Length);
}
