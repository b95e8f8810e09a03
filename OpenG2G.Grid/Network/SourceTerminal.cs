using System.Numerics;
using OpenG2G.Grid.Model.Sources;

namespace OpenG2G.Grid.Network;

/// <summary>A voltage source in the network: its primitive and open-circuit terminal voltages (volts).</summary>
public sealed class SourceTerminal
{
    internal SourceTerminal(VsourceElement element, Primitive primitive, Complex[] openCircuitVolts)
    {
        Element = element;
        Primitive = primitive;
        OpenCircuitVolts = openCircuitVolts;
    }

    public VsourceElement Element { get; }
    public Primitive Primitive { get; }
    public Complex[] OpenCircuitVolts { get; internal set; }
}
